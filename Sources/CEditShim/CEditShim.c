#include "CEditShim.h"

#include <locale.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>

EditLine *ceditshim_init(const char *program) {
    setlocale(LC_CTYPE, "");
    return el_init(program, stdin, stdout, stderr);
}

int ceditshim_set_prompt(EditLine *el, char *(*prompt)(EditLine *), char delimiter) {
    return el_set(el, EL_PROMPT_ESC, prompt, delimiter);
}

int ceditshim_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }

int ceditshim_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }

int ceditshim_set_hist(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }

int ceditshim_add_function(EditLine *el, const char *name, const char *help,
                           unsigned char (*fn)(EditLine *, int)) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

int ceditshim_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, (const char *)NULL);
}

int ceditshim_setty(EditLine *el, const char *first, const char *second) {
    return el_set(el, EL_SETTY, first, second, (const char *)NULL);
}

int ceditshim_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }

void *ceditshim_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

int ceditshim_source_user_config(EditLine *el) { return el_source(el, NULL); }

History *ceditshim_history_init(int size, int unique) {
    HistEvent event;
    History *h = history_init();
    if (h == NULL) return NULL;
    history(h, &event, H_SETSIZE, size);
    history(h, &event, H_SETUNIQUE, unique);
    return h;
}

int ceditshim_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

int ceditshim_history_load(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_LOAD, path);
}

int ceditshim_history_save(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_SAVE, path);
}

int ceditshim_history_size(History *h) {
    HistEvent event;
    if (history(h, &event, H_GETSIZE) != 0) return 0;
    return event.num;
}

const char *ceditshim_history_entry_from_newest(History *h, int index) {
    HistEvent event;
    if (history(h, &event, H_FIRST) != 0) return NULL;
    for (int i = 0; i < index; i++) {
        if (history(h, &event, H_NEXT) != 0) return NULL;
    }
    return event.str;
}

int ceditshim_terminal_columns(void) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

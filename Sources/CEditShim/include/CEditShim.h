#ifndef CEDITSHIM_H
#define CEDITSHIM_H

// Non-variadic wrappers around libedit's variadic el_set / el_get / history, so Swift can call them.
// Swift refuses variadic C functions ("Variadic function is unavailable"), and passing the C globals
// stdin/stdout/stderr from Swift 6 is a strict-concurrency error, so both stay on this side.

#include <histedit.h>

/// Calls setlocale(LC_CTYPE, "") (without it libedit drops non-ASCII keys), then el_init on the
/// process's stdin/stdout/stderr.
EditLine *ceditshim_init(const char *program);

/// EL_PROMPT_ESC: `prompt` returns the prompt; text between two `delimiter` chars is sent to the
/// terminal but not counted for cursor math (use it around colour escapes).
int ceditshim_set_prompt(EditLine *el, char *(*prompt)(EditLine *), char delimiter);
int ceditshim_set_editor(EditLine *el, const char *mode);
int ceditshim_set_signal(EditLine *el, int on);
int ceditshim_set_hist(EditLine *el, History *h);
int ceditshim_add_function(EditLine *el, const char *name, const char *help,
                           unsigned char (*fn)(EditLine *, int));
/// EL_BIND key → function (NULL-terminated inside).
int ceditshim_bind(EditLine *el, const char *key, const char *function);
/// EL_SETTY with two words, e.g. ("-d", "-isig"): edit-mode tty flags (NULL-terminated inside).
int ceditshim_setty(EditLine *el, const char *first, const char *second);
int ceditshim_set_clientdata(EditLine *el, void *data);
void *ceditshim_get_clientdata(EditLine *el);
/// Reads ~/.editrc (or $EDITRC) so users can override bindings.
int ceditshim_source_user_config(EditLine *el);

/// history_init + H_SETSIZE + H_SETUNIQUE.
History *ceditshim_history_init(int size, int unique);
int ceditshim_history_enter(History *h, const char *line);
int ceditshim_history_load(History *h, const char *path);
int ceditshim_history_save(History *h, const char *path);
int ceditshim_history_size(History *h);
/// Entry `index` counted from the newest (0 = newest), or NULL.
const char *ceditshim_history_entry_from_newest(History *h, int index);

/// Columns of the terminal on stdout (TIOCGWINSZ), or 80 when unknown. ioctl is variadic.
int ceditshim_terminal_columns(void);

#endif

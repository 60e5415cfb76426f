"""A multi-turn conversation kept as a list of messages (the basic chatbot loop),
with a trimmed history so the prompt never grows without bound."""
from openai import OpenAI

MAX_TURNS = 3
client = OpenAI()
history = [{"role": "system", "content": "You echo the user."}]


def trim(messages, max_turns=MAX_TURNS):
    system, rest = messages[:1], messages[1:]
    return system + rest[-2 * max_turns :]


def chat(user_text: str) -> str:
    global history
    history.append({"role": "user", "content": user_text})
    history = trim(history)
    completion = client.chat.completions.create(model="gpt-4o-mini", messages=history)
    answer = completion.choices[0].message
    history.append({"role": answer.role, "content": answer.content})
    return answer.content


if __name__ == "__main__":
    for line in ["hi", "how are pools sized", "what is keep-alive", "and retries", "bye"]:
        print(f"user: {line}\nbot:  {chat(line)}")
    print("messages kept:", len(history), [m["role"] for m in history])

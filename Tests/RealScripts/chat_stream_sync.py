# Sync streaming with the context manager, plus an early break.
from openai import OpenAI

client = OpenAI()


def print_stream(prompt, stop_after=None):
    with client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": prompt}],
        stream=True,
    ) as stream:
        count = 0
        for chunk in stream:
            text = chunk.choices[0].delta.content if chunk.choices else None
            if text:
                count += 1
                print(repr(text), end=" ")
                if stop_after is not None and count >= stop_after:
                    print("<break>")
                    break
        else:
            print("<end>")
    return count


if __name__ == "__main__":
    n = print_stream("one two three four five")
    print("chunks:", n)
    n = print_stream("alpha beta gamma delta", stop_after=2)
    print("chunks:", n)
    print("after break the client still works:", client.models.list().data[0].id)

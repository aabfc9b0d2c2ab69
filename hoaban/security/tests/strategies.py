"""Hypothesis strategies for hostile input, shared by the fuzzing tests."""

from hypothesis import strategies as st

# Text a stored field can hold: anything but NUL (PostgreSQL text refuses it) and surrogates.
TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=300)
# Text a request can carry: NUL included (a form must refuse it, not crash on it).
REQUEST_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=600)
MARKUP = st.sampled_from(
    [
        "<script>alert('xss')</script>",
        '"><img src=x onerror=alert(1)>',
        "{{ request.user }}{% debug %}",
        "javascript:alert(1)",
        "\u202eĐiện Biên\u202c",
        "Điện Biên\u200b\ufeff",
        "' OR 1=1 --",
        "𝕳𝖔𝖆 𝕭𝖆𝖓 🌸" * 20,
    ]
)
HOSTILE = st.one_of(TEXT, MARKUP, st.builds(lambda a, b: a + b, MARKUP, TEXT))

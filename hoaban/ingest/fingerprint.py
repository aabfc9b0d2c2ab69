"""What a story keeps when it is translated: its numbers and its proper names.

A translation (vi ↔ en ↔ ru) shares no words with its original, so shingles cannot find it.
Its figures survive, once each language's way of writing them is undone ("2.025" and "119,5"
in Vietnamese are "2,025" and "119.5" in English and "2 025" and "119,5" in Russian;
"1.200 tỷ", "1.2 trillion" and "1,2 трлн" are one amount; "15/3", "March 15" and "15 марта"
one day; "tháng 11/2024", "November 2024" and "в ноябре 2024" one month). So do its names,
once written in one alphabet and reduced to a consonant skeleton that Vietnamese spelling and
its English and Russian transcriptions share: "Trần Quốc Cường", "Tran Quoc Cuong", "Тран Куок
Куонг" and "Чан Куок Кыонг" all become the same three tokens.
"""

import re
from decimal import Decimal

from anyascii import anyascii

MONTHS = {
    **{
        name: number
        for number, names in enumerate(
            [
                ("january", "jan"),
                ("february", "feb"),
                ("march", "mar"),
                ("april", "apr"),
                ("may",),
                ("june", "jun"),
                ("july", "jul"),
                ("august", "aug"),
                ("september", "sep", "sept"),
                ("october", "oct"),
                ("november", "nov"),
                ("december", "dec"),
            ],
            start=1,
        )
        for name in names
    },
    # Russian dates put the month in the genitive ("15 марта"); the stem is enough.
    **{
        stem: number
        for number, stem in enumerate(
            ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
             "октябр", "ноябр", "декабр"],
            start=1,
        )
    },
}  # fmt: skip
SCALES = {
    "nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9,
    "thousand": 3, "million": 6, "billion": 9, "trillion": 12, "mln": 6, "bln": 9,
    "тыс": 3, "тысяча": 3, "тысячи": 3, "тысяч": 3, "млн": 6, "миллион": 6, "миллиона": 6,
    "миллионов": 6, "млрд": 9, "миллиард": 9, "миллиарда": 9, "миллиардов": 9, "трлн": 12,
    "триллион": 12, "триллиона": 12, "триллионов": 12,
}  # fmt: skip
# Counts an English or Russian translation spells out where Vietnamese news writes digits.
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "два": 2, "две": 2, "двух": 2, "три": 3, "трёх": 3, "трех": 3, "четыре": 4,
    "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7,
    "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10,
}  # fmt: skip
# Digits grouped and split as each language writes them (Russian groups with a space), and
# the word after them, which may scale them ("1.200 tỷ").
NUMBER = {
    language: re.compile(rf"({digits})(?:\s*([^\W\d_]+))?")
    for language, digits in {
        "vi": r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?",
        "en": r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",
        "ru": r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?",
    }.items()
}
DAY_MONTH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])")
VI_DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2})(?: năm (\d{4}))?", re.IGNORECASE)
MONTH_YEAR = re.compile(r"(?<![\d/])(\d{1,2})/(\d{4})(?![\d/])")
WORD_YEAR = re.compile(r"([^\W\d_]+)\s+(\d{4})(?!\d)")
DAY_WORD = re.compile(r"(?<![\d.,])(\d{1,2})\s+([^\W\d_]+)")
WORD_DAY = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(?!\d)")
CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?:\s*([ap])\.?m\b\.?)?|(\d{1,2})\s*([ap])\.?m\b\.?", re.I)
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
SENTENCE_END = ".!?…:;\n"
# Case endings Russian adds to a transcribed name ("Куонгом", "Нгуена"); vowels go anyway.
RUSSIAN_ENDING = re.compile(r"(?:ом|ем|ой|ей|ым|им|ам|ям|ах|ях|ами|ями)$")
# Vietnamese spelling and its transcriptions reduced to shared consonant classes, in order.
SKELETON = [
    ("ngh", "ng"), ("tkh", "t"), ("kkh", "H"), ("kh", "H"), ("th", "t"), ("ph", "f"),
    ("tr", "C"), ("ch", "C"), ("ts", "C"), ("qu", "k"), ("gi", "z"), ("gh", "g"), ("nh", "n"),
    ("sh", "s"), ("zh", "z"), ("c", "k"), ("q", "k"), ("x", "s"), ("d", "z"), ("h", "H"),
]  # fmt: skip
VOWELS = re.compile(r"[aeiouyw]+")


def fingerprint(text: str, language: str) -> set[str]:
    """Tokens of the story's numbers ("#…"), days ("@day/month") and names ("~skeleton")."""
    return numbers(text, language) | names(text)


def numbers(text: str, language: str) -> set[str]:
    tokens = set()

    def day(match) -> str:
        day_, month, year = (int(match[i]) if match[i] else None for i in (1, 2, 3))
        if 1 <= day_ <= 31 and 1 <= month <= 12:
            tokens.add(f"@{day_}/{month}")
            if year:
                tokens.add(f"#{year}")
            return " "
        return match[0]

    def word_day(match) -> str:
        day_, name = (match[1], match[2]) if match[1].isdigit() else (match[2], match[1])
        month = _month(name)
        if month is None or not 1 <= int(day_) <= 31:
            return match[0]
        tokens.add(f"@{int(day_)}/{month}")
        return " "

    def month_year(match) -> str:
        month, year = (match[1], match[2]) if match[1].isdigit() else (_month(match[1]), match[2])
        if month is None or not 1 <= int(month) <= 12:
            return match[0]
        tokens.update({f"@{int(month)}/{year}", f"#{year}"})
        return " "

    def clock(match) -> str:
        hour, minute, half = (
            (match[1], match[2], match[3]) if match[1] else (match[4], None, match[5])
        )
        hour = int(hour) + (12 if half and half.lower() == "p" and int(hour) < 12 else 0)
        tokens.add(f"#{hour}")
        if minute and minute != "00":
            tokens.add(f"#{int(minute)}")
        return " "

    text = VI_DATE.sub(day, text)
    text = MONTH_YEAR.sub(month_year, DAY_MONTH.sub(day, text))
    if language != "vi":
        text = WORD_DAY.sub(word_day, DAY_WORD.sub(word_day, text))
        text = WORD_YEAR.sub(month_year, text)
    text = CLOCK.sub(clock, text)
    for match in NUMBER.get(language, NUMBER["en"]).finditer(text):
        value = _decimal(match[1], language)
        scale = SCALES.get((match[2] or "").lower())
        tokens.add(f"#{_plain(value.scaleb(scale) if scale else value)}")
    for word in WORD.findall(text):
        if word.lower() in NUMBER_WORDS:
            tokens.add(f"#{NUMBER_WORDS[word.lower()]}")
    return tokens


def names(text: str) -> set[str]:
    """Skeletons of the capitalised words (sentence openers aside unless a name follows), and
    of every two or three of them in a row written as one word."""
    tokens, run, last_end = set(), [], 0
    matches = list(WORD.finditer(text))
    for position, match in enumerate(matches):
        word = match[0]
        if text[last_end : match.start()].strip():
            run = []  # punctuation or a digit between two names ends a name
        last_end = match.end()
        before = text[max(0, match.start() - 8) : match.start()].rstrip(" \"'“”«»(")
        opens = not before or before[-1] in SENTENCE_END
        following = matches[position + 1][0] if position + 1 < len(matches) else ""
        if (
            not word[0].isupper()
            or word.lower() in MONTHS
            or (opens and not following[:1].isupper())
        ):
            run = []
            continue
        skeleton = _skeleton(word)
        if skeleton:
            tokens.add(f"~{skeleton}")
            run.append(skeleton)
            # "Điện Biên Phủ" is "Дьенбьенфу" in Russian: names of two or three words
            # count joined too.
            tokens.update(f"~{''.join(run[-size:])}" for size in (2, 3) if len(run) >= size)
    return tokens


def figures(tokens) -> set[str]:
    """The numbers and days among a fingerprint's tokens."""
    return {token for token in tokens if token[0] in "#@"}


def overlap(one: set[str], other: set[str]) -> float:
    return len(one & other) / len(one | other) if one or other else 0.0


def _skeleton(word: str) -> str:
    word = word.lower()
    if re.search(r"[а-яё]", word):
        word = RUSSIAN_ENDING.sub("", word)
    word = re.sub(r"[^a-z]", "", anyascii(word).lower())
    for written, sound in SKELETON:
        word = word.replace(written, sound)
    return re.sub(r"(.)\1+", r"\1", VOWELS.sub("", word).lower())


def _month(name: str) -> int | None:
    name = name.lower().rstrip(".")
    if name in MONTHS:
        return MONTHS[name]
    if re.fullmatch(r"[а-яё]+", name):
        for length in range(len(name), 1, -1):
            if name[:length] in MONTHS:
                # "ма" is only May in "мая"/"май", not any word starting so.
                if name[:length] == "ма" and name not in ("мая", "май"):
                    return None
                return MONTHS[name[:length]]
    return None


def _decimal(written: str, language: str) -> Decimal:
    digits = re.sub(r"[ \u00a0\u202f]", "", written)
    if language == "en":
        return Decimal(digits.replace(",", ""))
    return Decimal(digits.replace(".", "").replace(",", "."))


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")

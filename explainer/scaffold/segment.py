"""Split an Arabic news text into paragraphs and sentences, keeping every character.

The result is what data/report.yaml records: each sentence's exact text and the exact
characters that follow it, so that joining them gives the source back byte for byte (the
verbatim proof of explainer/data_in/verbatim.py). The rules:

- paragraphs are separated by blank lines;
- a sentence ends at `.`, `؟`, `?` or `!` followed by a space, a line break, the end of the
  text or (a slip of typing, "آخر.مساء") an Arabic letter; never inside «…», “…”, "…" or (…);
- a line break ends a sentence;
- lines that start with a number or a bullet ("1-", "٢.", "3)", "-", "•") are list items, one
  sentence each, and make a paragraph of their own (`role: list`), as do the lines that follow
  a line ending with a colon in the same block; the line before a list, when it ends with a
  colon, introduces it (`role: list-intro`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_PARAGRAPH_BREAK = re.compile(r"([ \t]*\r?\n(?:[ \t]*\r?\n)+[ \t]*)")
_LINE_BREAK = re.compile(r"([ \t]*\r?\n[ \t]*)")
_LIST_ITEM = re.compile(r"^(?:[0-9\u0660-\u0669\u06f0-\u06f9]{1,3}\s*[-.)\u2013\u2014:]|[-\u2022*\u2013\u00b7\u25aa])")
_ENDS = ".؟?!"
_OPENING = {"«": "»", "“": "”", "(": ")", "[": "]", '"': '"'}
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")


class SegmentationError(ValueError):
    """The text cannot be recorded as it is (it says why, and what to do)."""


@dataclass
class Sentence:
    text: str
    followed_by: str = " "


@dataclass
class Paragraph:
    role: str
    sentences: list[Sentence] = field(default_factory=list)
    followed_by: str = "\n\n"


@dataclass
class Segmented:
    paragraphs: list[Paragraph]
    ends_with: str

    def joined(self) -> str:
        """The text these pieces record, joined as the verbatim proof joins them."""
        out = []
        for p_index, paragraph in enumerate(self.paragraphs):
            for s_index, sentence in enumerate(paragraph.sentences):
                out.append(sentence.text)
                if s_index < len(paragraph.sentences) - 1:
                    out.append(sentence.followed_by)
            if p_index < len(self.paragraphs) - 1:
                out.append(paragraph.followed_by)
        return "".join(out) + self.ends_with


def segment(text: str) -> Segmented:
    """Paragraphs and sentences of `text`, which joined give `text` back exactly."""
    if not text.strip():
        raise SegmentationError("the text is empty; give the file of the report's text")
    if text[0].isspace() or text[0] == "\ufeff":
        raise SegmentationError("the text starts with blank space, blank lines or a byte-order mark; "
                                "remove them from the file (the text is recorded exactly as it is)")
    body = text.rstrip()
    paragraphs: list[Paragraph] = []
    blocks = _PARAGRAPH_BREAK.split(body)
    for index in range(0, len(blocks), 2):
        block_paragraphs = _block(blocks[index])
        if paragraphs and index > 0:
            paragraphs[-1].followed_by = blocks[index - 1]
        paragraphs.extend(block_paragraphs)
    result = Segmented(paragraphs, text[len(body):])
    if result.joined() != text:  # the promise of this module: never lose a character
        raise AssertionError("segmentation lost characters")
    return result


def _block(block: str) -> list[Paragraph]:
    """A block between blank lines: runs of list lines and of other lines become paragraphs."""
    parts = _LINE_BREAK.split(block)
    lines, breaks = parts[0::2], parts[1::2]
    paragraphs: list[Paragraph] = []
    after_colon = False
    for index, line in enumerate(lines):
        is_item = bool(_LIST_ITEM.match(line)) or after_colon
        after_colon = after_colon or line.endswith((":", "："))
        role = "list" if is_item else "body"
        if not paragraphs or paragraphs[-1].role != role:
            if paragraphs:
                paragraphs[-1].followed_by = breaks[index - 1]
            paragraphs.append(Paragraph(role))
        elif paragraphs[-1].sentences:
            paragraphs[-1].sentences[-1].followed_by = breaks[index - 1]
        paragraph = paragraphs[-1]
        paragraph.sentences.extend([Sentence(line)] if is_item else _sentences(line))
    _mark_list_intros(paragraphs)
    return paragraphs


def _mark_list_intros(paragraphs: list[Paragraph]) -> None:
    """The line right before a list, when it ends with a colon, introduces the list: the
    paragraph becomes `list-intro`, or, if that line closes a longer paragraph, the line is
    split off as a paragraph of its own."""
    index = 0
    while index < len(paragraphs) - 1:
        body, following = paragraphs[index], paragraphs[index + 1]
        if body.role == "body" and following.role == "list" and body.sentences[-1].text.endswith((":", "：")):
            breaks = [i for i, s in enumerate(body.sentences[:-1]) if "\n" in s.followed_by]
            if not breaks:
                body.role = "list-intro"
            else:
                last_break = breaks[-1]
                intro = Paragraph("list-intro", body.sentences[last_break + 1:], body.followed_by)
                body.followed_by = body.sentences[last_break].followed_by
                body.sentences = body.sentences[:last_break + 1]
                body.sentences[-1].followed_by = " "
                paragraphs.insert(index + 1, intro)
                index += 1
        index += 1


def _sentences(line: str) -> list[Sentence]:
    """Sentences of one line: split after end punctuation outside quotations and brackets."""
    sentences: list[Sentence] = []
    closing: list[str] = []
    start = position = 0
    while position < len(line):
        character = line[position]
        if closing and character == closing[-1]:
            closing.pop()
        elif character in _OPENING and not (character == '"' and closing and closing[-1] == '"'):
            closing.append(_OPENING[character])
        elif character in _ENDS and not closing:
            end = position + 1
            while end < len(line) and line[end] in _ENDS:
                end += 1
            gap = len(line[end:]) - len(line[end:].lstrip(" \t"))
            following = line[end + gap:end + gap + 1]
            if end == len(line) or gap or _ARABIC_LETTER.match(following):
                if end + gap < len(line):
                    sentences.append(Sentence(line[start:end], line[end:end + gap]))
                    start = end + gap
                position = end + gap
                continue
        position += 1
    sentences.append(Sentence(line[start:]))
    return sentences

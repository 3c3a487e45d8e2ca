"""Text clean-up and the normal forms names are compared by."""
from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

_GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
    "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "chi": "χ",
    "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
    "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}
# "PixArt-\Sigma", "PIXART-{\delta}", "$\alpha$": LaTeX remnants of titles and abstracts copied from arXiv
_LATEX_GREEK = re.compile(r"\$?\{?\\(" + "|".join(sorted(_GREEK, key=len, reverse=True)) + r")\b\}?\$?")
_LATEX_ESCAPE = re.compile(r"\\([%&_#$])")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_TIMES = re.compile(r"(?<=[0-9A-Z])times\b")  # "6times fewer", "MobileNetV2times 1.4": a stripped LaTeX \times


_SPLIT_SIZE = re.compile(r"(-\d+) ([KM])\b")  # "ImageNet-1 K" (text rebuilt from PDF tokens) -> "ImageNet-1K"


# HTML and JATS remnants of abstracts from publishers' APIs ("<jats:p>", "<i>", "&amp;"): a tag is
# '<' then a letter or '/'; "accuracy <5%" and "a < b" are not tags
_TAG = re.compile(r"</?([A-Za-z][\w:.-]*)(\s+[\w:.-]+(\s*=\s*(\"[^\"<>]*\"|'[^'<>]*'|[^\s<>]+))?)*\s*/?>")
_INLINE = {"i", "b", "em", "strong", "sub", "sup", "span", "u", "sc", "tt", "jats:italic", "jats:bold",
           "jats:sub", "jats:sup", "jats:sc", "mml:mi", "mml:mn", "mml:mo"}
_ENTITY = re.compile(r"&(#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});")
_TEX_COMMAND = re.compile(r"\\(?:emph|textbf|textit|texttt|textsc|mathrm|mathbf|mathcal|text)\s*\{([^{}]*)\}")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


# _CONTROL's ASCII characters as bytes: UTF-8 writes a non-ASCII character with bytes above 0x7f only
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20)) + b"\x7f"


def _has_control(text: str) -> bool:
    """Whether `text` holds a character _CONTROL matches: deleting bytes from the encoded text is
    ~4x faster than the regex scan, which then runs only on the rare texts that need it."""
    raw = text.encode("utf-8", "surrogatepass")
    if len(raw.translate(None, _CONTROL_BYTES)) != len(raw):
        return True
    return not text.isascii() and ("\ufffe" in text or "\uffff" in text)


def clean(text: str) -> str:
    """Normalise Unicode; drop control characters, HTML tags and entities, and TeX markup (Greek
    letters, escapes, \\emph{...}); fold spaces."""
    text = unicodedata.normalize("NFC", text)
    if _has_control(text):
        text = _CONTROL.sub(" ", text)
    if "<" in text:
        text = _TAG.sub(lambda m: "" if m.group(1).lower() in _INLINE else " ", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    # each rewrite runs only when the text holds what it rewrites: a regex scan costs ~20 µs per
    # abstract, and this runs on the reading process, which --jobs does not parallelise
    if "\\" in text:
        text = _TEX_COMMAND.sub(r"\1", text)
        text = _LATEX_GREEK.sub(lambda m: _GREEK[m.group(1)], text)
        text = _LATEX_ESCAPE.sub(r"\1", text)
    if "times" in text:
        text = _TIMES.sub(" ×", text)
    if "K" in text or "M" in text:  # a one-character search costs ~1% of the regex scan
        text = _SPLIT_SIZE.sub(r"\1\2", text)
    if "  " in text or any(c in text for c in "\t\r\f\v"):
        text = _SPACES.sub(" ", text)
    return text.strip()


_PLURAL_ACRONYM = re.compile(r"^(.*[A-Z0-9])s$")  # CNNs, ViTs, GANs, LLMs; not "ViT-S" (a size)
_PLURAL_NET = re.compile(r"^(.*[-a-z0-9][A-Z]?Net)s$")  # ResNets, MobileNets, ConvNets, ReasoNets


@lru_cache(maxsize=1 << 17)  # names repeat across abstracts: memoised, the cache bounded
def singular(name: str) -> str:
    """The singular of a name's plural: 'CNNs' -> 'CNN'. Other words are left alone."""
    m = _PLURAL_NET.match(name)
    if m and any(c.isupper() for c in m.group(1)[:-3]):
        return m.group(1)
    m = _PLURAL_ACRONYM.match(name)
    if m and len(m.group(1)) >= 2 and any(c.isupper() for c in m.group(1)):
        return m.group(1)
    return name


@lru_cache(maxsize=1 << 17)
def key(name: str) -> str:
    """The identity of a name: NFKC, lower case, letters, digits and '+' only, singular.

    'ResNet-50' and 'ResNet50' are one key; 'ViTs' and 'ViT' are one key; 'ViT-S' is another;
    'SeiT++' differs from 'SeiT'.
    """
    s = unicodedata.normalize("NFKC", singular(name.strip()))
    return "".join(ch for ch in s.lower() if ch.isalnum() or ch == "+")


def slug(name: str) -> str:
    """A key made safe for an IRI path."""
    from urllib.parse import quote

    return quote(key(name).replace("+", "-plus"), safe="-") or "x"

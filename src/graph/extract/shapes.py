"""What names look like: the shape of a token that is probably a name, how to split a
coordinated form ("CIFAR10/100"), the family of a sized variant ("ResNet-50" -> "ResNet"),
and the type a name's own morphology suggests. Pure functions over strings."""
from __future__ import annotations

import re
from functools import lru_cache

_GREEK = "α-ωΑ-Ω"
# CamelCase or inner capitals: ResNet, ViTok, DeiT, wav2vec-style letter/digit mixes with a capital
_INNER_CAP = re.compile(rf"^[A-Za-z{_GREEK}0-9][A-Za-z{_GREEK}0-9]*[a-z0-9{_GREEK}][A-Z]")
_ACRONYM = re.compile(r"[A-Z]")
_ALNUM = re.compile(rf"^[A-Za-z0-9{_GREEK}][A-Za-z0-9{_GREEK}\-+/.^'×&]*$")
# a capitalised word with a version, size or Greek-letter part: "Food-101", "Swin-Tiny", "PixArt-α", "Llama2", "Mamba++"
_CAP_VARIANT = re.compile(
    rf"^[A-Z][a-z{_GREEK}]+(?:-(?:[A-Za-z]*\d[A-Za-z0-9.]*|[A-Z]{{1,2}}|Tiny|Small|Base|Large|Huge|[{_GREEK}]+))+$"
    r"|^[A-Z][a-z]+\d+[A-Za-z]*$|^[A-Z][a-z]+(?:\+\+|\+)$")
_NUMBERISH = re.compile(r"^[\d.,x×%+\-/:]+[a-zA-Z]{0,2}$")


# not one name: brackets or braces inside ("symmetric(4-RoSy", "O(m^{-1"), a dash run ("RNNs---RNN"), a
# sentence glued to the next ("FDR.We"), a word glued to a name by a hyphen ("ImageNet-demonstrate")
_JUNK = re.compile(r"[(){}\[\]]|--|[A-Za-z0-9]\.[A-Z][a-z]|-[a-z]{7,}$")
# "DA-Net", "GA-Reader": an acronym joined to a capitalised word; "20News", "3Dgen": a number and a word
_ACRONYM_WORD = re.compile(r"^[A-Z]{2,}-[A-Z][a-z]{2,}(?<!ed)(?<!ing)(?<!ly)(?<!ive)(?<!able)$|^\d+[A-Z][a-z]{2,}$")
# one lower-case letter before an acronym ("mBERT", "cGAN", "xLSTM", "fCBO"); acronyms joined by underscores ("FMC_TA")
_PREFIXED_ACRONYM = re.compile(r"^[a-z][A-Z]{2,5}\d*s?$|^[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+$")
_EMPHASIS = re.compile(r"^(?:[A-Z]{2}[a-z]{3,}|[a-z]{3,}[A-Z][a-z]{2,})$")  # "INtegration", "MOdel", "recognItion"


@lru_cache(maxsize=1 << 17)  # called on every token; token texts repeat: memoised, the cache bounded
def broken(text: str) -> bool:
    """Whether a text holds what no name holds: brackets ("O(m^{-1"), a double hyphen, two
    sentences run together ("FDR.We")."""
    return bool(_JUNK.search(text))


def looks_like_name(text: str) -> bool:
    """A token shaped like a name: 'ResNet-50', 'VOLO', 'ViT-B/16', 'PixArt-α', 'Food-101', 'SeiT++'.

    Not: plain words, capitalised or hyphenated words ('Since', 'Large-Scale', 'Class-Incremental'),
    numbers and units ('78ms', '1.6x', '4K'), letters capitalised for emphasis ('INtegration')."""
    t = text.strip(".,;:")
    if _JUNK.search(t):
        return False
    if _ACRONYM_WORD.match(t) or _PREFIXED_ACRONYM.match(t):
        return True
    if "-" in t and not _CAP_VARIANT.match(t):
        parts = [p for p in t.split("-") if p]
        if len(parts) > 1 and all(p[0].isupper() and p.isupper() and p.isalnum() for p in parts) \
                and sum(c.isupper() for c in t) >= 3 and any(c.isdigit() for c in t):
            return True  # short acronyms joined, one with a number: "VL-T5", "T5-XL" (not "US-EN")
        return bool(parts) and any(_shaped(p) for p in parts)
    return _shaped(t)


def _shaped(t: str) -> bool:
    if len(t) < 2 or not _ALNUM.match(t) or _NUMBERISH.match(t):
        return False
    letters = [c for c in t if c.isalpha()]
    if len(letters) < 2:
        return False
    caps = len(_ACRONYM.findall(t))
    if t[0].isdigit():
        return caps >= 2 and len(letters) >= 3  # "4KPro", not "2D", "3x"
    if _EMPHASIS.match(t):
        return False
    if _INNER_CAP.match(t):
        return True
    if caps >= 2 and t[0].isupper():
        return len(t) >= 3  # two-letter acronyms ("FR", "BN") count only when defined or known
    if _CAP_VARIANT.match(t):
        return True
    return False


_SIZE = re.compile(
    r"^(?P<family>.+?)(?:[- ](?:v?\d[\w.]*|[A-Z]{1,2}\d*(?:/\d+)?|[A-Z][a-z]+|Ti)(?:/\d+)?"
    r"|(?<=[A-Za-z])\d+[A-Za-z]?|[vV]\d+(?:\.\d+)?)$"
)


def family(name: str) -> str | None:
    """The family a sized or versioned variant belongs to: 'ResNet-50' -> 'ResNet',
    'ViT-B/16' -> 'ViT', 'EfficientNet-B7' -> 'EfficientNet', 'CIFAR-10' -> 'CIFAR'. None if none."""
    m = _SIZE.match(name)
    if not m:
        return None
    fam = m.group("family").rstrip("-_ ")
    return fam if len(fam) >= 2 and fam != name else None


def subset_base(name: str) -> str | None:
    """The name a subset, size or setting written with a lower-case word belongs to: 'MNLI-hard' ->
    'MNLI', 'BERT-large' -> 'BERT'; a name holds a capital before its hyphen ('intra-task' has none)."""
    m = _SUBSET.match(name)
    return m.group(1) if m else None


_SUBSET = re.compile(r"^(?=[^-]*[A-Z])(.{2,}?)-[a-z]{3,8}$")
_VERSION_SUFFIX = re.compile(r"^(?P<base>.+?)(?:\+\+|\+[A-Z]{0,3}|(?:[-_ ][vV]|v)\d+(?:\.\d+)?)$")
_PREFIXED = re.compile(r"^(?P<prefix>[A-Z]{1,2})-(?P<base>[A-Z][A-Za-z0-9]{3,})$")


def lineage_base(name: str) -> tuple[str, ...]:
    """Names that `name` declares itself a new version of by its morphology:
    'SeiT++' -> ('SeiT',), 'SimCLRv2' -> ('SimCLR',), 'Med-DANet V2' -> ('Med-DANet',), 'McSplit+RL' ->
    ('McSplit',), 'G-SimCLR' -> ('SimCLR',)."""
    out = []
    m = _VERSION_SUFFIX.match(name)
    if m and len(m.group("base")) >= 2:
        out.append(m.group("base").rstrip("-_ "))
    m = _PREFIXED.match(name)
    if m:
        out.append(m.group("base"))
    return tuple(out)


_ARCH_SUFFIX = re.compile(
    r"(?:Net|NeXt|Nets|Former|former|ViT|ViTs|Mamba|GPT|BERT|GAN|Transformer|Mixer|CNN|Diffusion|LM|LLM|"
    r"VAE|Encoder|Decoder|Backbone|DiT|Llama|LLaMA|T5|Net\+\+)(?:[-]?[vV]?\d[\w.]*|[-][A-Za-z0-9/]+)?$"
)
_ARCH_PREFIX = re.compile(r"^(?:ViT|DeiT|Swin|ResNet|ResNeXt|EfficientNet|MobileNet|ConvNeXt|GPT|BERT|Mamba|DiT|U-Net|UNet)")
_METHOD_SUFFIX = re.compile(r"(?:NAS|Loss|loss|Aug|Augment|Mix|Match|Distill|KD|Prune|Quant|Tuning|Search|Attack|Norm|Drop|Opt|Attn|CLR)(?:[-]?[vV]?\d+)?$")
_DATASET_SHAPE = re.compile(r"(?:[A-Za-z]\d+[KM]$|Bench$|Bench-\d+$|MNIST|QA$|-Bench|Set\d*$|-C$|-LT$|\d{4}$)")


def type_from_shape(name: str) -> str | None:
    """The type a name's morphology suggests, or None when it says nothing."""
    if _DATASET_SHAPE.search(name):
        return "dataset"
    if _METHOD_SUFFIX.search(name):
        return "method"
    if _ARCH_SUFFIX.search(name) or _ARCH_PREFIX.match(name):
        return "architecture"
    return None


PATCH = re.compile(r"[A-Za-z]/\d+$")  # "ViT-B/16", "DiT-L/2": a patch size, not a coordination


def _shape_class(s: str) -> str:
    if s.isdigit():
        return "digits"
    if re.fullmatch(r"\d+[A-Za-z]+", s):
        return "digits+letters"
    if s.isalpha():
        return "letters"
    return "mixed"


def split_coordination(text: str) -> tuple[str, ...]:
    """Coordinated names written as one token: 'CIFAR10/100' -> ('CIFAR10', 'CIFAR100'),
    'DeiT-Ti/S/B' -> ('DeiT-Ti', 'DeiT-S', 'DeiT-B'), 'ImageNet-1K/21K' -> ('ImageNet-1K', 'ImageNet-21K').
    A patch size ('ViT-B/16', 'DiT-L/2') is not a coordination: the name is returned whole."""
    parts = text.split("/")
    if len(parts) < 2 or not all(parts):
        return (text,)
    first = parts[0]
    m = re.match(r"^(?P<stem>.*?[-_]?)(?P<tail>\d+[A-Za-z]*|[A-Z][a-z]?|[A-Za-z]+)$", first)
    if not m or not m.group("stem"):
        return (text,)
    stem, tail = m.group("stem"), m.group("tail")
    cls = _shape_class(tail)
    if any(_shape_class(p) != cls or len(p) > 4 for p in parts[1:]):
        return (text,)
    if not stem.endswith(("-", "_")) and cls == "letters" and not stem[-1:].isdigit():
        return (text,)  # "CNN/Transformer"-like words are not a stem plus variants
    return (first, *(stem + p for p in parts[1:]))

"""Settings: every knob of the pipeline in one frozen object (the CLI maps its flags onto it)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ExtractorName = Literal["amounts", "dates", "people", "orgs", "places", "outlets", "registers"]


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    opencc_config: Literal["t2s", "tw2s", "hk2s"] | None = Field(
        None, description="Length-preserving OpenCC configuration; None chooses by region (tw2s, hk2s, t2s)."
    )
    region: Literal["mainland", "tw", "hk", "mo"] | None = Field(
        None, description="Where the articles come from; None detects it per document."
    )
    ner: bool = Field(True, description="Use the trained NER model beside the rules.")
    model_path: Path | None = Field(None, description="NER model directory; None means the model shipped with xinwen.")
    one_character_names: bool = Field(
        False,
        description=(
            "Keep the model's one-character names that the real-news guidelines do not annotate and MSRA does: "
            "a surname alone, addressed by a title or an address word or not (陈先生, 陈表示 → PERSON 陈), the "
            "places of a compound of abbreviations (中美关系 → LOC 中 + 美) or of a word for its people, sides or "
            "things (中方 → LOC 中, 奥运会 → LOC 奥), and a place of any length before 人 naming its people "
            "(中国人, 台湾人 → LOC 中国, 台湾), and words for where that name no place (祖国大陆 → LOC 大陆). "
            "For output in MSRA's conventions."
        ),
    )
    governments_by_place: bool = Field(
        True,
        description=(
            "A place's government, police or armed force written right after it is one ORG (北京市政府, "
            "美国政府, 北京警方, 美国军方), and so is a level's government alone (市政府, 县政府: the text's own "
            "city's or county's), as the real-news guidelines annotate it. False keeps MSRA's and "
            "People's Daily's convention on mainland text: the place is a LOC, 政府 stays outside and 市政府 alone "
            "is none (a formal name, 北京市人民政府 or 县人民政府, is still one ORG)."
        ),
    )
    rules: tuple[ExtractorName, ...] = ("amounts", "dates", "people", "orgs", "places", "outlets", "registers")
    min_rule_confidence: float = Field(
        0.7,
        ge=0,
        le=1,
        description="Below this a rule-only name needs the model's agreement (0.55 at most without the model).",
    )
    timezone: str = Field("+08:00", description="UTC offset given to publication times read from the page.")
    max_chars: int = Field(
        8_000_000,
        gt=0,
        description="Refuse longer documents (bounded memory per document; a 20 MB UTF-8 article fits).",
    )
    ner_batch_size: int = Field(
        64,
        gt=0,
        description=(
            "Text pieces (of at most 300 characters) per NER batch. The model runs a batch in quarters, as "
            "spaCy's parser does, since the encoder's memory grows with it: 64 ran about 4% faster than 32 in "
            "an in-process A/B on 60 bench articles, about as fast as 128, whose quarters of 32 pieces cost a "
            "worker 38 MB more on a long article."
        ),
    )
    user_dict: Path | None = Field(None, description="jieba user dictionary; None means the one shipped with xinwen.")

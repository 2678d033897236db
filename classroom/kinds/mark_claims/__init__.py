"""Find the claims: learners mark each sentence of a case text that makes a claim, with its kind.

The key lists the claims (one per sentence), the sentences that are fair to mark or to leave
(`either:`, each with the kinds it may be marked with and why), and, for sentences learners
often mark wrongly, why they are not claims. The learner's response is one item, the whole text:
{"s<n>": <claim kind>} for each marked sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...contract import ID_PATTERN, ID_RULE, TEXT_ITEM
from ...errors import AuthoringError
from ...sentences import split_sentences
from ...vocabulary import Index, Term
from ...yamlfile import Fields
from ..base import PARTLY, RIGHT, UNANSWERED, WRONG, Context, Item, Kind, fingerprint, verdict

DEFAULT_NOT_A_CLAIM = ("This sentence describes or informs; it does not promise a benefit, "
                       "claim safety, explain how the treatment works, ask for trust or "
                       "compare treatments.")


@dataclass(frozen=True)
class Sentence:
    id: str  # "s1", "s2", ... in reading order
    paragraph: int
    text: str


@dataclass(frozen=True)
class Claim(Item):
    sentence: Sentence = None

    @property
    def prompt(self) -> str:
        return self.sentence.text.strip()

    def version_parts(self) -> list:
        return [self.id, self.prompt, self.quote, self.answer, [], self.sentence.id]


class MarkClaims(Kind):
    name = "mark-claims"
    on_a_case = True
    key_fields = ["items", "either", "not_claims"]
    whole_text = True
    xapi_interaction = "matching"

    def vocabulary(self, index: Index) -> dict[str, Term]:
        return index.claim_kinds

    def load(self, ctx: Context) -> dict:
        if "items" in ctx.learner.data:
            raise ctx.learner.error("items", "a mark-claims exercise lists its claims in the key "
                                             "file, not here", "move them to key.yml")
        paragraphs = self._shown_paragraphs(ctx)
        sentences = [s for _, group in paragraphs for s in group]
        kinds = list(ctx.index.claim_kinds)
        claimed: dict[str, str] = {}
        items = []
        for item_id, entry in ctx.key.mapping("items").items():
            answer = Fields(entry, ctx.key.path, item=str(item_id), what="the claim")
            answer.only(["quote", "answer", "also", "feedback", "concept"])
            if not ID_PATTERN.fullmatch(str(item_id)):
                raise AuthoringError(ctx.key.path, f"'{item_id}' is not a usable id", ID_RULE,
                                     item=str(item_id),
                                     line=getattr(ctx.key.data["items"], "lines", {}).get(item_id))
            sentence = self._sentence_of(ctx, answer, sentences)
            if sentence.id in claimed:
                raise answer.error("quote", f"this quote is in the same sentence as the claim "
                                            f"'{claimed[sentence.id]}'",
                                   "keep one claim per sentence: merge the two items")
            claimed[sentence.id] = str(item_id)
            correct = answer.choice("answer", kinds)
            items.append(Claim(str(item_id), correct, answer.text("feedback"),
                               ctx.concept(answer), quote=answer.text("quote"),
                               also=ctx.also(answer, kinds, correct), sentence=sentence))
        if not items:
            raise ctx.key.error("items", "the key lists no claims",
                                "add the claims learners should find under 'items:'")
        either = self._either(ctx, sentences, claimed, kinds)
        not_claims = {}
        for position, entry in enumerate(ctx.key.items("not_claims", required=False), start=1):
            reason = Fields(entry, ctx.key.path, item=f"not_claims {position}", what="the entry")
            reason.only(["quote", "feedback"])
            sentence = self._sentence_of(ctx, reason, sentences)
            if sentence.id in claimed:
                raise reason.error("quote", f"this sentence is also the claim "
                                            f"'{claimed[sentence.id]}'", "remove one of the two")
            if sentence.id in either:
                raise reason.error("quote", "this sentence is also listed under either:",
                                   "keep it in one of the two lists")
            not_claims[sentence.id] = reason.text("feedback")
        return {"items": tuple(items), "paragraphs": paragraphs, "not_claims": not_claims,
                "either": either}

    def _either(self, ctx: Context, sentences: list[Sentence], claimed: dict[str, str],
                kinds: list[str]) -> dict[str, dict]:
        """Sentences fair to mark (with one of their kinds) or to leave: sentence id ->
        {"kinds": [...], "feedback": why both readings are fair}."""
        either: dict[str, dict] = {}
        for position, entry in enumerate(ctx.key.items("either", required=False), start=1):
            fields = Fields(entry, ctx.key.path, item=f"either {position}", what="the entry")
            fields.only(["quote", "kinds", "feedback"])
            sentence = self._sentence_of(ctx, fields, sentences)
            if sentence.id in claimed:
                raise fields.error("quote", f"this sentence is also the claim "
                                            f"'{claimed[sentence.id]}'",
                                   "list it once: as a claim under items:, or under either:")
            if sentence.id in either:
                raise fields.error("quote", "another either: entry quotes the same sentence",
                                   "merge the two entries")
            marked_as = fields.items("kinds")
            for kind in marked_as:
                if kind not in kinds:
                    raise fields.error("kinds", f"'{kind}' is not a claim kind",
                                       f"use kinds from: {', '.join(kinds)}")
            either[sentence.id] = {"kinds": [str(kind) for kind in marked_as],
                                   "feedback": fields.text("feedback")}
        return either

    def _shown_paragraphs(self, ctx: Context) -> tuple[tuple[int, tuple[Sentence, ...]], ...]:
        last = len(ctx.case.paragraphs)
        bounds = []
        for name, default in (("from_paragraph", 1), ("to_paragraph", last)):
            value = ctx.learner.data.get(name, default)
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= last:
                raise ctx.learner.error(name, f"this should be a paragraph number from 1 to "
                                              f"{last}, but it is {value!r}",
                                        "give the number shown beside the paragraph on the "
                                        "case page")
            bounds.append(value)
        if bounds[0] > bounds[1]:
            raise ctx.learner.error("to_paragraph", "the last paragraph comes before the first",
                                    "make to_paragraph at least as large as from_paragraph")
        shown = []
        count = 0
        for block in ctx.case.paragraphs[bounds[0] - 1:bounds[1]]:
            group = []
            for text in split_sentences(block.text):
                count += 1
                group.append(Sentence(f"s{count}", block.number, text))
            shown.append((block.number, tuple(group)))
        return tuple(shown)

    def _sentence_of(self, ctx: Context, fields: Fields, sentences: list[Sentence]) -> Sentence:
        quote = ctx.quote(fields, required=True)
        found = [s for s in sentences if quote.strip() in s.text]
        if not found:
            raise fields.error("quote", "these words are in the case text, but not inside one "
                                        "sentence of the part this exercise shows",
                               "quote a part of a single sentence, or widen from_paragraph / "
                               "to_paragraph")
        return found[0]

    def exercise_key(self, exercise, index: Index) -> dict:
        key = super().exercise_key(exercise, index)
        key["notClaims"] = exercise.not_claims
        key["either"] = exercise.either
        key["notAClaim"] = DEFAULT_NOT_A_CLAIM
        return key

    def item_key(self, item: Claim) -> dict:
        return {**super().item_key(item), "sentence": item.sentence.id}

    def saved_items(self, exercise) -> list[dict]:
        return [{"id": TEXT_ITEM, "version": text_version(exercise), "label": "",
                 "options": {s.id: s.text.strip() for s in exercise.sentences}}]

    def valid_response(self, response) -> bool:
        return isinstance(response, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in response.items())

    def score(self, key: dict, item_id: str, response) -> dict:
        """Claims found with a fair kind, each learner's mark judged, claims missed listed.
        A sentence fair to mark or to leave, marked with one of its kinds, is neither found nor
        wrong (`either`); left unmarked, it is not missed."""
        marks = response or {}
        claims = {claim["sentence"]: (claim_id, claim) for claim_id, claim in key["items"].items()}
        either_way = key.get("either", {})
        found, other_kind, either, not_claims, reasons = [], [], [], [], []
        for sentence, kind in marks.items():
            if sentence in either_way and kind in either_way[sentence]["kinds"]:
                either.append(sentence)
                reasons.append(either_way[sentence]["feedback"])
                continue
            if sentence not in claims:
                not_claims.append(sentence)
                reasons.append(either_way[sentence]["feedback"] if sentence in either_way
                               else key["notClaims"].get(sentence, key["notAClaim"]))
                continue
            claim = claims[sentence][1]
            if kind == claim["answer"] or kind in claim.get("also", {}):
                found.append(sentence)
                reasons.append(claim.get("also", {}).get(kind, claim["feedback"]))
            else:
                other_kind.append(sentence)
                reasons.append(claim["feedback"])
        missed = [sentence for sentence in claims if sentence not in marks]
        score, out_of = len(found), len(claims)
        result = (UNANSWERED if not marks else RIGHT if score == out_of and not not_claims
                  else PARTLY if score else WRONG)
        return verdict(result, score, out_of, reasons, found=found, otherKind=other_kind,
                       either=either, notClaims=not_claims, missed=missed)

    def describe(self, response, options: dict, labels: dict) -> str:
        """Each sentence marked, in reading order, in its own words (an id like "s22" tells a
        teacher nothing), with the label of its claim kind."""
        if response is None:
            return ""
        return "; ".join(f"“{options.get(sentence, sentence)}”: {labels.get(kind, kind)}"
                         for sentence, kind in sorted(response.items(), key=lambda pair: int(pair[0][1:])))

    def unknown_choices(self, response, options: dict, labels: dict) -> str:
        return next((sentence for sentence in response if sentence not in options),
                    next((kind for kind in response.values() if kind not in labels), ""))

    def example_response(self, exercise, item_id: str, rng):
        sentences = sorted(exercise.items[item_id].options)
        marked = rng.sample(sentences, k=min(8, len(sentences)))
        return {sentence: rng.choice(sorted(exercise.labels)) for sentence in marked}


def text_version(exercise) -> str:
    """The version of the sentences shown, which saved marks depend on."""
    return fingerprint([[s.text for s in sentences] for _, sentences in exercise.paragraphs])


KIND = MarkClaims()

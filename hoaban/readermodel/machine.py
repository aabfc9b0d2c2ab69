"""The editor's actions as a hypothesis state machine; after every step, every surface is
compared with the oracle.

A driver connects the machine to a site: it builds the site afresh (reset), runs an action
where the database is, computes the oracle there, and fetches what a reader gets. The rules
and the checks are the same whichever driver runs them.
"""

import os
from collections import defaultdict
from typing import Protocol

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from .surfaces import differences


class Driver(Protocol):
    def reset(self) -> None: ...

    def act(self, name: str, **params) -> None: ...

    def expected(self) -> dict: ...

    def fetch(self, url: str) -> tuple[int, str]: ...


def run_settings(examples: int, steps: int) -> settings:
    """Bounded for CI; READER_MODEL_EXAMPLES and READER_MODEL_STEPS run it longer by hand."""
    return settings(
        max_examples=int(os.environ.get("READER_MODEL_EXAMPLES", examples)),
        stateful_step_count=int(os.environ.get("READER_MODEL_STEPS", steps)),
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )


# Which article, comment, tag, ... an action picks: taken modulo how many there are.
PICK = st.integers(min_value=0, max_value=7)


class ReaderModel(RuleBasedStateMachine):
    driver: Driver

    def __init__(self):
        super().__init__()
        self.driver.reset()
        # Addresses articles had before a move, where they must no longer show.
        self.old_paths = defaultdict(set)

    @rule(pick=PICK, retitle=st.booleans())
    def publish(self, pick, retitle):
        self.driver.act("publish", pick=pick, retitle=retitle)

    @rule(pick=PICK)
    def unpublish(self, pick):
        self.driver.act("unpublish", pick=pick)

    @rule(pick=PICK)
    def save_draft(self, pick):
        self.driver.act("save_draft", pick=pick)

    @rule(pick=PICK, future=st.booleans())
    def schedule(self, pick, future):
        self.driver.act("schedule", pick=pick, future=future)

    @rule()
    def publish_scheduled(self):
        self.driver.act("publish_scheduled")

    @rule(pick=PICK)
    def move(self, pick):
        self.driver.act("move", pick=pick)

    @rule(pick=PICK, password=st.booleans())
    def restrict(self, pick, password):
        self.driver.act("restrict", pick=pick, password=password)

    @rule(pick=PICK)
    def unrestrict(self, pick):
        self.driver.act("unrestrict", pick=pick)

    @rule(pick=PICK)
    def translate(self, pick):
        self.driver.act("translate", pick=pick)

    @rule(pick=PICK, english=st.booleans())
    def rename_tag(self, pick, english):
        self.driver.act("rename_tag", pick=pick, english=english)

    @rule(pick=PICK)
    def rename_person(self, pick):
        self.driver.act("rename_person", pick=pick)

    @rule(english=st.booleans())
    def change_photo_text(self, english):
        self.driver.act("change_photo_text", english=english)

    @rule(pick=PICK, approve=st.booleans())
    def moderate_comment(self, pick, approve):
        self.driver.act("moderate_comment", pick=pick, approve=approve)

    @invariant()
    def readers_are_served_what_the_database_says(self):
        oracle = self.driver.expected()
        problems = differences(self.driver.fetch, oracle, self.old_paths)
        for article in oracle["articles"]:
            self.old_paths[article["id"]].add(article["path"])
        assert not problems, "what readers are served differs from the database:\n" + "\n".join(
            problems
        )

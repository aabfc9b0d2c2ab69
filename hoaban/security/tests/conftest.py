import os

from hypothesis import settings

# Example counts small enough for the suite's time budget; HYPOTHESIS_PROFILE=fuzz runs many
# more (docs/security.md).
settings.register_profile("suite", max_examples=60, deadline=None)
settings.register_profile("fuzz", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Under CI the property tests draw the same examples every run (a landing never depends on a
# new random draw); at a developer's desk they explore new ones, and what they find becomes a
# unit test.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared from the project root; required under CI, skipped only on a bare checkout."""
    if not (SHARED / "corpus").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but the shared corpus is missing at {SHARED}")
        pytest.skip("../shared is not beside this checkout")
    return SHARED


BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request) -> str:
    """Each knowledge base kind the store and the explorer are tested on (PostgreSQL: see pg_base)."""
    if request.param == "postgresql":
        import pg_base
        pg_base.server_url()
    return request.param


@pytest.fixture(scope="session", autouse=True)
def _drop_test_databases():
    yield
    import pg_base
    if pg_base._made:
        pg_base.drop_all()

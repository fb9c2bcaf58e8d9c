"""Small text rules of rendering and dating that readers notice."""

from macros.model.dates import parse_date
from macros.render import make_environment


def test_labels_keep_their_capitals():
    env = make_environment()
    assert env.from_string("{{ 'KIA losses' | sentence }}").render() == "KIA losses"
    assert env.from_string("{{ 'troops in the town' | sentence }}").render() == "Troops in the town"


def test_after_and_before_a_day_sort_around_that_day():
    dates = [parse_date(text) for text in ("after 2025-01-08", "2025-01-08", "before 2025-01-08")]
    assert [str(d) for d in sorted(dates)] == ["before 2025-01-08", "2025-01-08", "after 2025-01-08"]
    assert parse_date("after 2025-01-08").display() == "after 8 Jan 2025"

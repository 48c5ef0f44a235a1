"""AppTest helpers for the Map explorer's map component (ui/livemap.py): what it draws, and a user's choice or click.

AppTest shows a Streamlit component as an element it cannot interact with, so a choice in the map's own picker or
a click on an area is sent as the browser sends it: the component's state (``choice``) or its trigger (``clicked``)
in the widget states of the next run, beside every other widget's value.
"""

from __future__ import annotations

import json

from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.proto.WidgetStates_pb2 import WidgetStates
from streamlit.testing.v1 import AppTest

from ui import livemap


def element(at: AppTest):
    """The map component of the explorer."""
    found = [e for e in at.get("bidi_component") if e.proto.id.endswith(f"-{livemap.KEY}")]
    assert len(found) == 1, f"{len(found)} map components on the page"
    return found[0]


def data(at: AppTest) -> dict:
    """The data the map component got in the last run."""
    return json.loads(element(at).proto.json)


def chosen(at: AppTest) -> str:
    """The indicator the map shows."""
    return data(at)["chosen"]


def legend(at: AppTest) -> str:
    """The legend the map shows for its indicator, as text: the title, then each class label."""
    d = data(at)
    layer = d["layers"][d["chosen"]]
    return " | ".join([d["titles"][d["chosen"]], *(label for _colour, label in layer["legend"])])


def codes(at: AppTest) -> list[str]:
    """Codes of the areas the map draws."""
    return data(at)["shapes"]["codes"]


def _run_with(at: AppTest, extra) -> AppTest:
    states = at._tree.get_widget_states()
    kept = WidgetStates()
    kept.widgets.extend(states.widgets)
    extra(kept.widgets.add())
    return at._run(kept)


def choose(at: AppTest, indicator: str, seq: int = 1) -> AppTest:
    """Choose ``indicator`` in the map's picker (the component's ``choice`` state), then run."""
    def state(w):
        w.id = element(at).proto.id
        w.json_value = json.dumps({"choice": {"indicator": indicator, "seq": seq}})
    return _run_with(at, state)


def click(at: AppTest, code: str) -> AppTest:
    """Click the area ``code`` on the map (the component's ``clicked`` trigger), then run."""
    def trigger(w):
        w.id = _make_trigger_id(element(at).proto.id, "events")
        w.json_trigger_value = json.dumps([{"event": "clicked", "value": code}])
    return _run_with(at, trigger)

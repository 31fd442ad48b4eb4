"""Votes cast at the same moment on two connections to one FileStorage
database (two Zope threads or processes): per-delegate BTree keys and
``BTrees.Length`` counters resolve; the same delegate twice at once is a
ConflictError, which Zope's publisher retries."""

from commune_portal.voting.box import VoteBox
from ZODB.FileStorage import FileStorage
from ZODB.POSException import ConflictError
import pytest
import transaction
import ZODB


@pytest.fixture
def db(tmp_path):
    database = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
    manager = transaction.TransactionManager()
    connection = database.open(transaction_manager=manager)
    connection.root()["box"] = VoteBox("named", {}, 30, {}, "thuky")
    manager.commit()
    connection.close()
    yield database
    database.close()


def vote(box, uid, value):
    """What ``voting.box.cast_named`` writes."""
    history = box.named.get(uid, ())
    box.named[uid] = (*history, (value, "2026-07-16T09:00:00", uid))
    if not history:
        box.received.change(1)
    box.changes.change(1)


def open_two(db):
    managers = [transaction.TransactionManager() for _ in range(2)]
    connections = [db.open(transaction_manager=m) for m in managers]
    boxes = [c.root()["box"] for c in connections]
    return managers, connections, boxes


def test_thirty_delegates_at_once(db):
    # Delegates vote in pairs, each pair at the same moment on two
    # connections; both commits succeed (conflict resolution), or the
    # loser is retried, as the publisher does.
    retried = 0
    for pair in range(15):
        managers, connections, boxes = open_two(db)
        for side in range(2):
            vote(
                boxes[side], f"delegate-{2 * pair + side:02d}", "yes" if side else "no"
            )
        managers[0].commit()
        try:
            managers[1].commit()
        except ConflictError:
            retried += 1
            managers[1].abort()
            vote(boxes[1], f"delegate-{2 * pair + 1:02d}", "yes")
            managers[1].commit()
        for connection in connections:
            connection.close()
    connection = db.open()
    box = connection.root()["box"]
    assert len(box.named) == 30
    assert box.received.value == 30
    assert box.changes.value == 30
    assert sorted(h[-1][0] for h in box.named.values()) == ["no"] * 15 + ["yes"] * 15
    # Mostly resolved without a retry: only bucket splits conflict.
    assert retried <= 3
    connection.close()


def test_the_same_delegate_twice_at_once_conflicts(db):
    managers, connections, boxes = open_two(db)
    vote(boxes[0], "delegate-01", "yes")
    vote(boxes[1], "delegate-01", "no")
    managers[0].commit()
    with pytest.raises(ConflictError):
        managers[1].commit()
    managers[1].abort()
    # The retry sees the first vote and records the change after it.
    vote(boxes[1], "delegate-01", "no")
    managers[1].commit()
    box = db.open().root()["box"]
    assert [h[0] for h in box.named["delegate-01"]] == ["yes", "no"]
    assert box.received.value == 1

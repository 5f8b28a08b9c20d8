"""Numbers are never handed out twice, also from several desks at once."""

from concurrent.futures import ThreadPoolExecutor

from archive_desk.db.session import make_engine, make_session_factory
from archive_desk.services.sequences import next_value


def test_sequence_counts_per_name_and_scope(db):
    with db.uow() as uow:
        s = uow.session
        assert [next_value(s, "letter", "2026") for _ in range(3)] == [1, 2, 3]
        assert next_value(s, "letter", "2027") == 1
        assert next_value(s, "file_number") == 1
        uow.commit()


def test_rolled_back_number_is_handed_out_again(db):
    with db.uow() as uow:
        assert next_value(uow.session, "x") == 1  # not committed
    with db.uow() as uow:
        assert next_value(uow.session, "x") == 1


def test_concurrent_desks_never_get_the_same_number(db):
    # each "desk" has its own engine (connection pool), as separate PCs would
    def desk(_):
        engine = make_engine(db.url)
        factory = make_session_factory(engine)
        got = []
        for _ in range(25):
            with factory() as s:
                got.append(next_value(s, "file_number"))
                s.commit()
        engine.dispose()
        return got

    with ThreadPoolExecutor(4) as pool:
        numbers = [n for got in pool.map(desk, range(4)) for n in got]
    assert sorted(numbers) == list(range(1, 101))

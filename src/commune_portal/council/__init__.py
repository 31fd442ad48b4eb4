"""What the council secretary does with a session's materials.

- ``delegates``: a delegate's linked user reads what is circulated in the
  term (the local role ``CouncilDelegate`` on the term, kept in step with
  ``Delegate.user_id``);
- ``materials``: circulate a session's materials to the delegates before
  the session, publish them into the kỷ yếu after it;
- ``mail``: one e-mail per delegate and circulation, queued with the
  transaction.
"""

-- Fleet-wide politeness: one request at a time per host across every
-- worker, and the host's delay between the end of one and the start of the
-- next, whichever worker sends them (pgstore.HostGate).
CREATE TABLE host_turns (
    host       text PRIMARY KEY,      -- as in a URL (host or host:port)
    holder     text,                  -- the request holding the turn; NULL: free
    held_until timestamptz,           -- a holder that died gives the turn up then
    free_at    timestamptz NOT NULL   -- the next request may start at
);

-- robots.txt answers shared by every worker (pgstore.HostGate's
-- scrape.RobotsShare): one fetch of a host's robots.txt per expiry across
-- the fleet, instead of one per poll.
CREATE TABLE robots_txt (
    key           text PRIMARY KEY,    -- scheme://host[:port]
    status        integer,             -- the answer's HTTP status; NULL: not fetched yet
    body          bytea,
    fetched_at    timestamptz,
    expires_at    timestamptz,         -- the answer is used until then
    claimed_until timestamptz          -- a worker fetching it; the others wait until then at most
);

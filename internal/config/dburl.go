package config

import "github.com/jackc/pgx/v5/pgxpool"

// parseDatabaseURL reads a connection string as the commands that connect
// read it (pgstore.Open: pgxpool.ParseConfig, which reads the pool's
// parameters such as pool_max_conns and pgx's such as
// statement_cache_capacity besides the driver's), so that every parameter
// the runtime would refuse is a config problem with its line. Its error
// may quote the string: callers do not show it.
func parseDatabaseURL(s string) error {
	_, err := pgxpool.ParseConfig(s)
	return err
}

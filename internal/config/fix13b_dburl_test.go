package config_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// Every database_url parameter the connecting commands refuse (they read
// it with pgxpool.ParseConfig: the pool's and pgx's own parameters
// besides the driver's) is a config problem with its line, never quoting
// the string; the good values load.
func TestDatabaseURLParamsAsTheRuntimeReadsThem(t *testing.T) {
	for _, bad := range []string{
		"postgres://u:hidden-pw@127.0.0.1:1/w?pool_max_conns=abc",
		"postgres://u:hidden-pw@127.0.0.1:1/w?pool_min_conns=-x",
		"postgres://u:hidden-pw@127.0.0.1:1/w?pool_max_conn_lifetime=forever",
		"postgres://u:hidden-pw@127.0.0.1:1/w?pool_max_conns=0",
		"postgres://u:hidden-pw@127.0.0.1:1/w?statement_cache_capacity=many",
		"postgres://u:hidden-pw@127.0.0.1:1/w?default_query_exec_mode=fast",
		"postgres://u:hidden-pw@127.0.0.1:1/w?connect_timeout=x",
		"host=127.0.0.1 password=hidden-pw pool_max_conns=abc",
	} {
		_, err := parse([]byte(storeSource+"store: postgres\ndatabase_url: "+bad+"\n"), "config.yaml", nil)
		var ce *config.Error
		if !errors.As(err, &ce) {
			t.Errorf("%s: err = %v, want a config error", bad, err)
			continue
		}
		const want = "config.yaml:4: database_url: is not a valid PostgreSQL connection string"
		if !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "hidden-pw") {
			t.Errorf("%s:\n got %s\nwant %s...", bad, err, want)
		}
	}
	for _, good := range []string{
		"postgres://u:pw@127.0.0.1:1/w?pool_max_conns=8&pool_max_conn_lifetime=1h&sslmode=disable",
		"host=/run/postgresql dbname=watcher pool_max_conns=4 connect_timeout=5",
	} {
		if _, err := parse([]byte(storeSource+"store: postgres\ndatabase_url: "+good+"\n"), "config.yaml", nil); err != nil {
			t.Errorf("%s: %v", good, err)
		}
	}
}

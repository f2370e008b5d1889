package notify

import (
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// Deps are what the program hands every channel it builds from the
// config, besides the channel's own keys.
type Deps struct {
	Client    *http.Client // the HTTP channels' client (http.timeout; tests' transport)
	Retry     retry.Policy // one attempt per call: the outbox is the one retry stage
	Logger    *slog.Logger
	UserAgent string           // http.user_agent
	Stdout    io.Writer        // where the stdout channel writes
	Now       func() time.Time // nil: time.Now
}

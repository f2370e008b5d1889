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
	Client *http.Client // the HTTP channels' client (http.timeout; tests' transport)
	Retry  retry.Policy // one attempt per call: the outbox is the one retry stage
	Logger *slog.Logger
	// UserAgent is the boards' http.user_agent. The channels do not send
	// it: it may hold a ${VAR} meant for the boards only (README,
	// "Configuration"), and a receiver is no board; they send their own
	// fixed careers-watcher/<version>.
	UserAgent string
	Stdout    io.Writer        // where the stdout channel writes
	Now       func() time.Time // nil: time.Now
}

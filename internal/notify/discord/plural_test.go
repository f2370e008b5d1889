package discord

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
)

func TestMoreNotePlural(t *testing.T) { notifytest.CheckMoreNote(t, note) }

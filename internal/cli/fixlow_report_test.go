package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// --since is a date where the user is: at 05:00 in Tokyo on 3 December
// (20:00 UTC on the 2nd), "2026-12-03" is the start of today, not a date
// in the future (read as UTC midnight, it was 4 hours ahead of now); the
// next day is still refused.
func TestReportSinceIsALocalDate(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skipf("no time zone data: %v", err)
	}
	now := time.Date(2026, 12, 3, 5, 0, 0, 0, tokyo)
	got, err := parseSince("2026-12-03", now)
	if err != nil {
		t.Fatalf("today refused: %v", err)
	}
	if want := time.Date(2026, 12, 3, 0, 0, 0, 0, tokyo); !got.Equal(want) {
		t.Errorf("since %s, want %s (local midnight)", got, want)
	}
	if _, err := parseSince("2026-12-04", now); err == nil || !strings.Contains(err.Error(), "in the future") {
		t.Errorf("tomorrow: %v, want refused as a date in the future", err)
	}
	if _, err := parseSince("yesterday", now); err == nil {
		t.Error("yesterday (a word) taken")
	}
	// west of UTC the day starts later than UTC midnight: still taken
	la, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Skipf("no time zone data: %v", err)
	}
	if _, err := parseSince("2026-12-02", time.Date(2026, 12, 2, 0, 30, 0, 0, la)); err != nil {
		t.Errorf("today in Los Angeles refused: %v", err)
	}
}

// The command itself, in a process whose local zone is UTC+14 (TZ is read
// when the process starts, so a child test process): `report --since
// TODAY` exits 0. Under the old reading this failed whenever UTC was past
// 10:00 (the local date already the next UTC day).
func TestReportSinceTodayEastOfUTC(t *testing.T) {
	if os.Getenv("CW_FIXLOW_SINCE_CHILD") != "" {
		dir := t.TempDir()
		if err := os.Mkdir(filepath.Join(dir, "snaps"), 0o755); err != nil {
			t.Fatal(err)
		}
		cfg := writeConfig(t, dir, "snapshots: snaps\nsources:\n  - {name: acme, type: greenhouse, company: Acme, board: acme}\n")
		today := time.Now().Format(time.DateOnly)
		if code, _, stderr := runIn(t, cfg, "report", "--since", today); code != 0 {
			t.Fatalf("report --since %s (local zone %s): exit %d\n%s", today, time.Now().Format("-07:00"), code, stderr)
		}
		return
	}
	if _, err := time.LoadLocation("Pacific/Kiritimati"); err != nil {
		t.Skipf("no time zone data: %v", err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestReportSinceTodayEastOfUTC$", "-test.count=1")
	// the child runs this test, not the watcher (TestMain sets asWatcher
	// for every process the tests start)
	env := slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, asWatcher+"=") })
	cmd.Env = append(env, "TZ=Pacific/Kiritimati", "CW_FIXLOW_SINCE_CHILD=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
}

package webhook

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// Review s17 F23: a receiver answering a redirect made the outbox drop the
// events for good (3xx was a permanent failure) and the run exit 0. A
// redirect is not followed (nothing reaches the other host) and is no
// delivery: the events stay pending, the error says where it points.
func TestWebhookRedirectKeepsEventsPendingS17(t *testing.T) {
	for _, status := range []int{301, 302, 307, 308} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			var elsewhere atomic.Int32
			other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				elsewhere.Add(1)
			}))
			defer other.Close()
			hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, other.URL+"/moved?token=T0Kloc", status)
			}))
			defer hook.Close()
			w, err := New(Options{Name: "h", URL: hook.URL + "/hook?k=s3cretQ", Secret: testSecret,
				Retry: retry.Policy{Attempts: 1}, Logger: notifytest.Quiet()})
			if err != nil {
				t.Fatal(err)
			}
			ob, err := notify.OpenOutbox(t.TempDir(), 0)
			if err != nil {
				t.Fatal(err)
			}
			ob.Logger = notifytest.Quiet()
			routes := []notify.Route{{Notifier: w}}
			events := []notify.Event{testEvent()}
			e2 := testEvent()
			e2.ID = notify.EventID("second")
			events = append(events, e2)
			if _, err := ob.Add(events, routes); err != nil {
				t.Fatal(err)
			}
			res, err := ob.Deliver(context.Background(), routes)
			if err != nil {
				t.Fatal(err)
			}
			if res.Dropped != 0 || res.Delivered != 0 || res.Failed == 0 {
				t.Errorf("delivered %d failed %d dropped %d, want the events failed (kept), none dropped", res.Delivered, res.Failed, res.Dropped)
			}
			pending, err := ob.Pending()
			if err != nil {
				t.Fatal(err)
			}
			if len(pending) != 2 {
				t.Errorf("%d events pending after a %d, want 2 (kept for another try)", len(pending), status)
			}
			if len(res.Errors) == 0 {
				t.Fatal("no error reported")
			}
			msg := res.Errors[0].Error()
			want := "status " + strconv.Itoa(status) + ": redirect to " + other.URL + "/ not followed"
			if !strings.Contains(msg, want) {
				t.Errorf("error %q does not contain %q", msg, want)
			}
			for _, secret := range []string{"s3cretQ", "T0Kloc", testSecret} {
				if strings.Contains(msg, secret) {
					t.Errorf("error %q leaks %q", msg, secret)
				}
			}
			if n := elsewhere.Load(); n != 0 {
				t.Errorf("the redirect target got %d requests, want none", n)
			}
			// The next pass tries them again (no breaker: one failure in a row per pass here).
			if _, err := ob.Deliver(context.Background(), routes); err != nil {
				t.Fatal(err)
			}
			if p, _ := ob.Pending(); len(p) != 2 {
				t.Errorf("%d events pending after a second pass, want 2", len(p))
			}
		})
	}
}

package fleet

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

func TestClientIDNamesTheProcess(t *testing.T) {
	start := time.Date(2026, 12, 4, 3, 30, 0, 123456000, time.UTC)
	id := ClientID(start)
	if want := fmt.Sprintf("_pid%d_2026_12_04T03_30_00_123456", os.Getpid()); !strings.HasSuffix(id, want) {
		t.Fatalf("ClientID = %q, want it to end %q", id, want)
	}
	host, _ := os.Hostname()
	if host != "" && !strings.HasPrefix(id, strings.ReplaceAll(host, ".", "_")[:min(len(host), 60)]) {
		t.Fatalf("ClientID = %q does not start with the host %q", id, host)
	}
	if strings.Contains(id, ".") {
		t.Fatalf("ClientID = %q holds a dot", id)
	}
}

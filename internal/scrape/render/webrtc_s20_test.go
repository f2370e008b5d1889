package render_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"sync/atomic"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/render"
)

// A page's WebRTC sends nothing outside the watcher's proxy: STUN packets
// (UDP) to a private address the source may not reach would pass the
// private-address guard, which sees only the proxy's requests (review s20
// F12). The page gathers ICE candidates against a STUN server on a
// loopback UDP port and says when it is done; the port gets no packet. It
// starts a browser, so it runs in CI's browser step (WATCHER_LONG_TESTS=1).
func TestGetSendsNoWebRTCPackets(t *testing.T) {
	if os.Getenv("WATCHER_LONG_TESTS") != "1" {
		t.Skip("a long suite: runs with WATCHER_LONG_TESTS=1 (CI's long step)")
	}
	t.Parallel()
	needBrowser(t)
	udp, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer udp.Close()
	var packets atomic.Int32
	go func() {
		buf := make([]byte, 2048)
		for {
			if _, _, err := udp.ReadFrom(buf); err != nil {
				return
			}
			packets.Add(1)
		}
	}()
	port := udp.LocalAddr().(*net.UDPAddr).Port
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<html><body><p id="x">waiting</p><script>
const done = (why) => { if (!document.getElementById('done')) { const d = document.createElement('p'); d.id = 'done'; d.textContent = why; document.body.appendChild(d); } };
try {
  const pc = new RTCPeerConnection({iceServers: [{urls: 'stun:127.0.0.1:%d'}]});
  pc.createDataChannel('x');
  pc.onicegatheringstatechange = () => { if (pc.iceGatheringState === 'complete') done('complete'); };
  pc.createOffer().then(o => pc.setLocalDescription(o)).catch(() => done('error'));
  setTimeout(() => done('timeout'), 3000);
} catch (e) { done('no webrtc'); }
</script></body></html>`, port)
	}))
	defer s.Close()
	c := client(s.URL)
	defer c.Close()
	if _, err := render.Get(context.Background(), c, s.URL+"/", render.Options{WaitFor: "#done", Timeout: settleTimeout(t)}); err != nil {
		t.Fatalf("render: %v", err)
	}
	if n := packets.Load(); n != 0 {
		t.Errorf("the page's WebRTC sent %d UDP packets to 127.0.0.1:%d", n, port)
	}
}

package email

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

const installHint = "go install github.com/axllent/mailpit@v1.33.1"

// mailpitBinary finds mailpit on PATH or in $(go env GOPATH)/bin, or skips.
func mailpitBinary(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("mailpit"); err == nil {
		return p
	}
	var dirs []string
	if gp := os.Getenv("GOPATH"); gp != "" {
		dirs = append(dirs, filepath.SplitList(gp)...)
	}
	if out, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		dirs = append(dirs, filepath.SplitList(strings.TrimSpace(string(out)))...)
	}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, "go"))
	}
	for _, d := range dirs {
		p := filepath.Join(d, "bin", "mailpit")
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
	}
	t.Skipf("mailpit not found on PATH nor in $(go env GOPATH)/bin; install it with: %s", installHint)
	return ""
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

type mailpit struct {
	smtpPort int
	api      string
}

// startMailpit runs a real mailpit process with extra flags and waits,
// with a deadline, until both its SMTP and HTTP ports answer.
func startMailpit(t *testing.T, extra ...string) *mailpit {
	t.Helper()
	bin := mailpitBinary(t)
	dir := t.TempDir()
	mp := &mailpit{smtpPort: freePort(t)}
	httpPort := freePort(t)
	mp.api = "http://127.0.0.1:" + strconv.Itoa(httpPort)
	args := append([]string{
		"--smtp", "127.0.0.1:" + strconv.Itoa(mp.smtpPort),
		"--listen", "127.0.0.1:" + strconv.Itoa(httpPort),
		"--database", filepath.Join(dir, "mailpit.db"),
		"--disable-version-check", "--quiet",
	}, extra...)
	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start mailpit: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-exited
	})
	deadline := time.Now().Add(20 * time.Second)
	for {
		select {
		case err := <-exited:
			t.Fatalf("mailpit exited: %v\n%s", err, stderr.String())
		default:
		}
		smtpOK := false
		if c, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(mp.smtpPort), 200*time.Millisecond); err == nil {
			c.Close()
			smtpOK = true
		}
		if smtpOK {
			if resp, err := http.Get(mp.api + "/api/v1/messages"); err == nil {
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					return mp
				}
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("mailpit did not start within 20s\n%s", stderr.String())
		}
		time.Sleep(25 * time.Millisecond)
	}
}

type address struct{ Name, Address string }

type summary struct {
	ID      string
	Subject string
	To      []address
}

type message struct {
	ID, Subject, MessageID, Text, HTML string
	From                               address
	To                                 []address
}

func (mp *mailpit) messages(t *testing.T) []summary {
	t.Helper()
	resp, err := http.Get(mp.api + "/api/v1/messages")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var v struct{ Messages []summary }
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v.Messages
}

func (mp *mailpit) message(t *testing.T, id string) message {
	t.Helper()
	resp, err := http.Get(mp.api + "/api/v1/message/" + id)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var m message
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil {
		t.Fatal(err)
	}
	m.Text = strings.ReplaceAll(m.Text, "\r\n", "\n")
	return m
}

// selfSigned writes a certificate for 127.0.0.1 and localhost and returns
// the file paths and a pool trusting it.
func selfSigned(t *testing.T) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "localhost"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true, IsCA: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600)
	cert, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

const hostile = "<!channel> & <script>alert(1)</script> @everyone"

func events() []notify.Event {
	years := 5
	p := &model.Posting{
		ID: "790311790854", Source: "netflix", Company: "Netflix", Title: hostile + " (L5)",
		URL: "https://explore.jobs.netflix.net/careers/job/790311790854", Levels: []string{"L5"},
		Locations:          []model.Location{{City: "Los Gatos", Region: "California", Country: "US"}},
		Salary:             []model.Salary{{Min: 100000, Max: 720000, Currency: "USD", Period: "year"}},
		MinYearsExperience: &years,
	}
	q := *p
	q.ID, q.Title, q.URL = "2", "Data Engineer", "https://explore.jobs.netflix.net/careers/job/2"
	return []notify.Event{
		{ID: notify.EventID("a"), Type: notify.PostingAdded, Data: notify.Data{Source: "netflix", Posting: p}},
		{ID: notify.EventID("c"), Type: notify.PostingChanged, Data: notify.Data{Source: "netflix", Posting: &q,
			Changes: []model.Change{{Field: "salary", Old: model.Salary{Min: 1, Max: 2, Currency: "USD", Period: "hour"}, New: model.Salary{Min: 3, Max: 4, Currency: "USD", Period: "hour"}}}}},
	}
}

var fast = retry.Policy{Attempts: 3, Base: time.Millisecond, Max: 5 * time.Millisecond}

func options(mp *mailpit, mode string) Options {
	return Options{
		Name: "mail", Host: "127.0.0.1", Port: mp.smtpPort, TLS: mode,
		Username: "watcher", Password: "pa55-w0rd-SECRET",
		From: "careers-watcher <watcher@example.com>", To: []string{"a@example.com", "B <b@example.org>"},
		Timeout: 10 * time.Second, Retry: fast, Logger: notifytest.Quiet(),
	}
}

// sendAndRead sends the sample digest and returns the one stored message.
func sendAndRead(t *testing.T, mp *mailpit, o Options) message {
	t.Helper()
	e, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := e.NotifyDigest(ctx, "netflix", events()); err != nil {
		t.Fatalf("NotifyDigest: %v", err)
	}
	list := mp.messages(t)
	if len(list) != 1 {
		t.Fatalf("%d messages in mailpit, want 1", len(list))
	}
	return mp.message(t, list[0].ID)
}

func checkDefault(t *testing.T, m message) {
	t.Helper()
	if m.Subject != "[careers-watcher] netflix: 1 added, 1 changed" {
		t.Errorf("subject %q", m.Subject)
	}
	if m.From.Address != "watcher@example.com" || m.From.Name != "careers-watcher" {
		t.Errorf("from %+v", m.From)
	}
	var to []string
	for _, a := range m.To {
		to = append(to, a.Address)
	}
	if strings.Join(to, ",") != "a@example.com,b@example.org" {
		t.Errorf("to %v", to)
	}
	if !strings.HasPrefix(m.MessageID, "evt_") || !strings.HasSuffix(m.MessageID, "@example.com") {
		t.Errorf("message id %q", m.MessageID)
	}
	for _, want := range []string{
		"netflix: 1 added, 1 changed",
		"Added\n- " + hostile + " (L5) [L5] · Los Gatos, California, US · USD 100,000-720,000/year\n  https://explore.jobs.netflix.net/careers/job/790311790854",
		"  salary USD 1-2 -> 3-4/hour",
	} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("text part lacks %q:\n%s", want, m.Text)
		}
	}
	for _, want := range []string{
		`<a href="https://explore.jobs.netflix.net/careers/job/790311790854">&lt;!channel&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt; @everyone (L5)</a> [L5] · Los Gatos, California, US · USD 100,000-720,000/year`,
		"<li>salary USD 1-2 -&gt; 3-4/hour</li>",
		"<h3>Changed</h3>",
	} {
		if !strings.Contains(m.HTML, want) {
			t.Errorf("HTML part lacks %q:\n%s", want, m.HTML)
		}
	}
	if strings.Contains(m.HTML, "<script>") {
		t.Error("HTML part carries a live <script>")
	}
}

func TestSendPlain(t *testing.T) {
	mp := startMailpit(t, "--smtp-auth-accept-any", "--smtp-auth-allow-insecure")
	o := options(mp, None)
	o.Auth = "plain"
	checkDefault(t, sendAndRead(t, mp, o))
}

func TestSendStartTLS(t *testing.T) {
	cert, key, pool := selfSigned(t)
	mp := startMailpit(t, "--smtp-tls-cert", cert, "--smtp-tls-key", key, "--smtp-require-starttls", "--smtp-auth-accept-any")
	o := options(mp, StartTLS)
	o.TLSConfig = &tls.Config{RootCAs: pool}
	checkDefault(t, sendAndRead(t, mp, o))
}

func TestSendImplicitTLS(t *testing.T) {
	cert, key, pool := selfSigned(t)
	mp := startMailpit(t, "--smtp-tls-cert", cert, "--smtp-tls-key", key, "--smtp-require-tls", "--smtp-auth-accept-any")
	o := options(mp, TLS)
	o.TLSConfig = &tls.Config{RootCAs: pool}
	checkDefault(t, sendAndRead(t, mp, o))
}

func TestTemplates(t *testing.T) {
	mp := startMailpit(t, "--smtp-auth-accept-any", "--smtp-auth-allow-insecure")
	o := options(mp, None)
	o.Subject = "{{.Source}}: {{len .Added}} new"
	o.Template = "{{range .Items}}* {{.Title}}\n{{end}}"
	o.HTMLTemplate = `<ul>{{range .Items}}<li><a href="{{.URL}}">{{.Title}}</a></li>{{end}}</ul>`
	m := sendAndRead(t, mp, o)
	if m.Subject != "netflix: 1 new" {
		t.Errorf("subject %q", m.Subject)
	}
	if !strings.Contains(m.Text, "* "+hostile+" (L5)\n* Data Engineer") {
		t.Errorf("text %q", m.Text)
	}
	if !strings.Contains(m.HTML, "&lt;script&gt;") || strings.Contains(m.HTML, "<script>") {
		t.Errorf("html %q", m.HTML)
	}
}

func TestTemplateFallback(t *testing.T) {
	var logs bytes.Buffer
	e, err := New(Options{Name: "mail", Host: "smtp.example.com", From: "a@example.com", To: []string{"b@example.com"},
		Subject: "{{.Nope}}", HTMLTemplate: "{{index .Items 9}}", Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	p := e.Render("netflix", events())
	if p.Subject != "[careers-watcher] netflix: 1 added, 1 changed" || !strings.Contains(p.HTML, "<h3>Added</h3>") {
		t.Errorf("no fallback: %q\n%s", p.Subject, p.HTML)
	}
	if strings.Count(logs.String(), "template failed") != 2 {
		t.Errorf("template errors not reported:\n%s", logs.String())
	}
	if p2 := e.Render("netflix", events()); p2.MessageID != p.MessageID {
		t.Error("message id not stable for the same events")
	}
}

func TestCut(t *testing.T) {
	e, err := New(Options{Name: "mail", Host: "smtp.example.com", From: "a@example.com", To: []string{"b@example.com"}, HistoryURL: "https://github.com/me/jobs/tree/main/snapshots", Logger: notifytest.Quiet()})
	if err != nil {
		t.Fatal(err)
	}
	var evs []notify.Event
	for i := range MaxItems + 7 {
		evs = append(evs, notify.Event{ID: fmt.Sprint(i), Type: notify.PostingRemoved, Data: notify.Data{Source: "netflix", Posting: &model.Posting{ID: fmt.Sprint(i), Title: "t"}}})
	}
	p := e.Render("netflix", evs)
	if !strings.Contains(p.Text, "... and 7 more postings in https://github.com/me/jobs/tree/main/snapshots/netflix") ||
		!strings.Contains(p.HTML, `… and 7 more postings in <a href="https://github.com/me/jobs/tree/main/snapshots/netflix">`) {
		t.Errorf("no cut note:\n%s", p.Text[len(p.Text)-200:])
	}
	if !strings.Contains(p.Subject, fmt.Sprintf("%d removed", MaxItems+7)) {
		t.Errorf("subject %q", p.Subject)
	}
}

func TestErrors(t *testing.T) {
	cert, key, _ := selfSigned(t)
	authFile := filepath.Join(t.TempDir(), "auth")
	os.WriteFile(authFile, []byte("watcher:right-password\n"), 0o600)
	tlsMP := startMailpit(t, "--smtp-tls-cert", cert, "--smtp-tls-key", key, "--smtp-require-starttls", "--smtp-auth-file", authFile)
	plainMP := startMailpit(t, "--smtp-auth-accept-any", "--smtp-auth-allow-insecure")
	closed := freePort(t)

	for _, tc := range []struct {
		name     string
		o        func() Options
		attempts int
	}{
		{"untrusted certificate", func() Options { return options(tlsMP, StartTLS) }, 1},
		{"wrong password", func() Options {
			o := options(tlsMP, StartTLS)
			_, _, pool := selfSigned(t)
			o.TLSConfig = &tls.Config{RootCAs: pool, InsecureSkipVerify: true}
			return o
		}, 1},
		{"server without STARTTLS", func() Options { return options(plainMP, StartTLS) }, 1},
		{"nothing listening", func() Options { o := options(plainMP, None); o.Port = closed; return o }, fast.Attempts},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var logs bytes.Buffer
			o := tc.o()
			o.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
			e, err := New(o)
			if err != nil {
				t.Fatal(err)
			}
			err = e.Notify(context.Background(), events()[0])
			if err == nil {
				t.Fatal("no error")
			}
			if n := strings.Count(logs.String(), "attempt failed"); n != tc.attempts {
				t.Errorf("%d attempts, want %d", n, tc.attempts)
			}
			notifytest.NoSecret(t, "logs", logs.String(), "pa55-w0rd-SECRET")
			if !strings.HasPrefix(err.Error(), `email "mail": `) {
				t.Errorf("error %q does not name the notifier", err)
			}
			notifytest.NoSecret(t, "error", err.Error(), "pa55-w0rd-SECRET")
			t.Logf("error: %v", err)
		})
	}
}

func TestNewRejects(t *testing.T) {
	base := Options{Name: "mail", Host: "smtp.example.com", From: "a@example.com", To: []string{"b@example.com"}}
	for _, tc := range []struct {
		mod  func(*Options)
		want string
	}{
		{func(o *Options) { o.Name = "" }, "email: no name"},
		{func(o *Options) { o.Host = "" }, `email "mail": host`},
		{func(o *Options) { o.TLS = "ssl" }, `email "mail": tls: "ssl"`},
		{func(o *Options) { o.Port = 70000 }, `email "mail": port`},
		{func(o *Options) { o.From = "nobody" }, `email "mail": from`},
		{func(o *Options) { o.To = nil }, `email "mail": to: no recipient`},
		{func(o *Options) { o.To = []string{"b@example.com", "x y"} }, `email "mail": to[1]`},
		{func(o *Options) { o.Password = "s3cret" }, `email "mail": password: set without username`},
		{func(o *Options) { o.Username, o.Auth = "u", "ntlm" }, `email "mail": auth: "ntlm"`},
		{func(o *Options) { o.HTMLTemplate = "{{" }, `email "mail": template html`},
	} {
		o := base
		tc.mod(&o)
		_, err := New(o)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("err = %v, want prefix %q", err, tc.want)
		} else {
			notifytest.NoSecret(t, "error", err.Error(), "s3cret")
		}
	}
}

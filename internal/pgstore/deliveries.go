package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/careers-watcher/careers-watcher/internal/notify"
)

// ErrNoEvent is the error of an event id that is not recorded.
var ErrNoEvent = errors.New("event not recorded")

// LoadEvent is a recorded event as its notifiers get it (the payload is
// the webhook body, notify.Body; the id is the event's).
func (s *Store) LoadEvent(ctx context.Context, id string) (notify.Event, error) {
	var payload []byte
	err := s.pool.QueryRow(ctx, `SELECT payload::text FROM events WHERE id = $1`, id).Scan(&payload)
	if errors.Is(err, pgx.ErrNoRows) {
		return notify.Event{}, fmt.Errorf("event %s: %w", id, ErrNoEvent)
	}
	if err != nil {
		return notify.Event{}, fmt.Errorf("event %s: %w", id, err)
	}
	var e notify.Event
	if err := json.Unmarshal(payload, &e); err != nil {
		return notify.Event{}, fmt.Errorf("event %s: payload: %w", id, err)
	}
	e.ID = id
	return e, nil
}

// Delivered reports whether the event is recorded as delivered to the
// notifier.
func (s *Store) Delivered(ctx context.Context, id, notifier string) (bool, error) {
	var one int
	err := s.pool.QueryRow(ctx, `SELECT 1 FROM deliveries WHERE event_id = $1 AND notifier = $2`, id, notifier).Scan(&one)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("delivery of event %s to %q: %w", id, notifier, err)
	}
	return true, nil
}

// RecordDelivery records, in tx, that the event reached the notifier; a
// second record of the same delivery is refused by the primary key and
// reported as recorded false.
func RecordDelivery(ctx context.Context, tx pgx.Tx, id, notifier string, at time.Time) (recorded bool, err error) {
	tag, err := tx.Exec(ctx, `INSERT INTO deliveries (event_id, notifier, delivered_at) VALUES ($1, $2, $3)
		ON CONFLICT (event_id, notifier) DO NOTHING`, id, notifier, at)
	if err != nil {
		return false, fmt.Errorf("delivery of event %s to %q: %w", id, notifier, err)
	}
	return tag.RowsAffected() == 1, nil
}

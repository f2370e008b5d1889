package report

import (
	"encoding/json"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A stored posting whose pay is beyond any salary (a snapshot written
// before the bound, with a platform's 1e308) is left out of the pay
// tables: its yearly figures were +Inf, and the JSON report of every
// source failed to encode.
func TestPayTablesLeaveOutImplausiblePay(t *testing.T) {
	all := []model.Posting{
		{ID: "a", Role: "Data Engineer", Salary: []model.Salary{{Min: 1e308, Max: 1.7e308, Currency: "USD", Period: "hour"}}},
		{ID: "b", Role: "Data Engineer", Salary: []model.Salary{{Min: 100000, Max: 150000, Currency: "USD", Period: "year"}}},
	}
	pay := payTables(all)
	if _, err := json.Marshal(pay); err != nil {
		t.Fatalf("pay tables: %v", err)
	}
	if len(pay.ByRole) != 1 || pay.ByRole[0].Period != "year" || pay.ByRole[0].Ranges != 1 {
		t.Fatalf("rows %+v, want the yearly row of b alone", pay.ByRole)
	}
}

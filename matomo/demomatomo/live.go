package demomatomo

import (
	"fmt"
	"strconv"
	"time"
)

// Matomo's Live plugin, as far as the data check reads it:
// Live.getLastVisitsDetails, with the checks it makes in Matomo's order
// (the plugin, access to the site, the visits log setting for all sites,
// then the site's own, then the query) and its messages as a real 5.1.2
// sends them. The visits log messages are English in every language:
// Live.php does not translate them.
const (
	msgVisitorLogOffEverywhere = "Visits log is deactivated globally. A user with super user access can enable this feature in the general settings."
	msgVisitorLogOffForSite    = "Visits log is deactivated in website settings. A user with at least admin access can enable this feature in the settings for this website (idSite=%d)."
	// Live_QueryMaxExecutionTimeExceeded and, since no date range is
	// given, Live_QueryMaxExecutionTimeExceededReasonDateRange, joined by
	// two spaces as Live's Model joins them.
	msgVisitsTimeLimit  = "Could not run the query in time.  Maybe the selected date range is too wide?"
	msgNoSiteView       = "You can't access this resource as it requires 'view' access for the website id = %s."
	msgUnexpectedSite   = "An unexpected website was found in the request: website id was set to '%d' ."
	msgNoIDSite         = "Please specify a value for 'idSite'."
	msgVisitorLogOffAll = "Visits log is deactivated for all given websites (idSite=%s)."
)

// liveDefaultLimit is how many visits Live lists without filter_limit.
const liveDefaultLimit = 10

// lastVisits answers Live.getLastVisitsDetails for one site: its visit,
// most recent first, as Matomo's visit rows (fewer fields than Matomo's
// sixty, in its order), cut to the columns asked for.
func (s *Server) lastVisits(get lookup, user *User) ([]byte, *apiError) {
	if s.opts.NoLive {
		return nil, pluginNotEnabled("Live")
	}
	raw, ok := get("idSite")
	if !ok || raw == "" {
		return nil, &apiError{msg: msgNoIDSite}
	}
	id, err := strconv.Atoi(raw)
	if err != nil || id <= 0 {
		// Matomo reads idSite=abc as "all given websites", none of them
		// with a visits log.
		return nil, &apiError{msg: fmt.Sprintf(msgVisitorLogOffAll, raw)}
	}
	superUser := user != nil && user.SuperUser
	if !superUser && s.roleOn(user, id) == "" {
		return nil, &apiError{msg: fmt.Sprintf(msgNoSiteView, strconv.Itoa(id)), noAccess: true}
	}
	site := s.siteByID[id]
	if site == nil {
		return nil, &apiError{msg: fmt.Sprintf(msgUnexpectedSite, id)}
	}
	switch {
	case s.data.VisitorLogOff:
		return nil, &apiError{msg: msgVisitorLogOffEverywhere}
	case site.VisitorLogOff:
		return nil, &apiError{msg: fmt.Sprintf(msgVisitorLogOffForSite, id)}
	case site.VisitsTimeLimit:
		return nil, &apiError{msg: msgVisitsTimeLimit}
	}
	limit := liveDefaultLimit
	if v, ok := get("filter_limit"); ok {
		if n, err := strconv.Atoi(v); err == nil {
			limit = n
		}
	}
	rows := []visitRow{}
	if !site.LastVisit.IsZero() {
		rows = append(rows, s.visitRow(site))
	}
	return columnsAsked(get).filter(phpJSON(applyLimit(rows, limit))), nil
}

// visitRow is a visit as Matomo's Live plugin lists it, in its field
// order; lastActionTimestamp is what the data check reads.
type visitRow struct {
	IDSite               int    `json:"idSite"`
	IDVisit              int    `json:"idVisit"`
	VisitIP              string `json:"visitIp"`
	VisitorID            string `json:"visitorId"`
	ActionDetails        []any  `json:"actionDetails"`
	GoalConversions      int    `json:"goalConversions"`
	SiteCurrency         string `json:"siteCurrency"`
	ServerDate           string `json:"serverDate"`
	LastActionTimestamp  int64  `json:"lastActionTimestamp"`
	LastActionDateTime   string `json:"lastActionDateTime"`
	SiteName             string `json:"siteName"`
	ServerTimestamp      int64  `json:"serverTimestamp"`
	FirstActionTimestamp int64  `json:"firstActionTimestamp"`
	VisitorType          string `json:"visitorType"`
	VisitCount           int    `json:"visitCount"`
	Actions              int    `json:"actions"`
}

func (s *Server) visitRow(site *Site) visitRow {
	t := site.LastVisit.UTC()
	return visitRow{
		IDSite: site.ID, IDVisit: site.ID*1000 + 1, VisitIP: "127.0.0.0", VisitorID: fmt.Sprintf("%016x", site.ID*7919),
		ActionDetails: []any{}, SiteCurrency: site.Currency, ServerDate: t.Format("2006-01-02"),
		LastActionTimestamp: t.Unix(), LastActionDateTime: t.Format(time.DateTime), SiteName: site.Name,
		ServerTimestamp: t.Unix(), FirstActionTimestamp: t.Unix(), VisitorType: "new", VisitCount: 1, Actions: 1,
	}
}

// pluginNotEnabled is Matomo's answer for a method of a plugin that is
// not activated (PluginDeactivatedException).
func pluginNotEnabled(plugin string) *apiError {
	return &apiError{msg: fmt.Sprintf("The plugin %s is not enabled. You can activate the plugin on Settings > Plugins page in Matomo.", plugin)}
}

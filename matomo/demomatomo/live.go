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

// visitRow is a visit as Matomo 5.1.2's Live plugin lists it with
// doNotFetchActions, every field in its order and of its JSON type (read
// from the real one); lastActionTimestamp is what the data check reads,
// the rest are the values of a visit from this computer with one page
// view.
type visitRow struct {
	IDSite                         int    `json:"idSite"`
	IDVisit                        int    `json:"idVisit"`
	VisitIP                        string `json:"visitIp"`
	VisitorID                      string `json:"visitorId"`
	Fingerprint                    string `json:"fingerprint"`
	ActionDetails                  []any  `json:"actionDetails"`
	GoalConversions                int    `json:"goalConversions"`
	SiteCurrency                   string `json:"siteCurrency"`
	SiteCurrencySymbol             string `json:"siteCurrencySymbol"`
	ServerDate                     string `json:"serverDate"`
	VisitServerHour                string `json:"visitServerHour"`
	LastActionTimestamp            int64  `json:"lastActionTimestamp"`
	LastActionDateTime             string `json:"lastActionDateTime"`
	SiteName                       string `json:"siteName"`
	ServerTimestamp                int64  `json:"serverTimestamp"`
	FirstActionTimestamp           int64  `json:"firstActionTimestamp"`
	ServerTimePretty               string `json:"serverTimePretty"`
	ServerDatePretty               string `json:"serverDatePretty"`
	ServerDatePrettyFirstAction    string `json:"serverDatePrettyFirstAction"`
	ServerTimePrettyFirstAction    string `json:"serverTimePrettyFirstAction"`
	UserID                         any    `json:"userId"`
	VisitorType                    string `json:"visitorType"`
	VisitorTypeIcon                any    `json:"visitorTypeIcon"`
	VisitConverted                 int    `json:"visitConverted"`
	VisitConvertedIcon             any    `json:"visitConvertedIcon"`
	VisitCount                     int    `json:"visitCount"`
	VisitEcommerceStatus           string `json:"visitEcommerceStatus"`
	VisitEcommerceStatusIcon       any    `json:"visitEcommerceStatusIcon"`
	DaysSinceFirstVisit            int    `json:"daysSinceFirstVisit"`
	SecondsSinceFirstVisit         int    `json:"secondsSinceFirstVisit"`
	DaysSinceLastEcommerceOrder    int    `json:"daysSinceLastEcommerceOrder"`
	SecondsSinceLastEcommerceOrder any    `json:"secondsSinceLastEcommerceOrder"`
	VisitDuration                  int    `json:"visitDuration"`
	VisitDurationPretty            string `json:"visitDurationPretty"`
	Searches                       int    `json:"searches"`
	Actions                        int    `json:"actions"`
	Interactions                   int    `json:"interactions"`
	ReferrerType                   string `json:"referrerType"`
	ReferrerTypeName               string `json:"referrerTypeName"`
	ReferrerName                   string `json:"referrerName"`
	ReferrerKeyword                string `json:"referrerKeyword"`
	ReferrerKeywordPosition        any    `json:"referrerKeywordPosition"`
	ReferrerURL                    any    `json:"referrerUrl"`
	ReferrerSearchEngineURL        any    `json:"referrerSearchEngineUrl"`
	ReferrerSearchEngineIcon       any    `json:"referrerSearchEngineIcon"`
	ReferrerSocialNetworkURL       any    `json:"referrerSocialNetworkUrl"`
	ReferrerSocialNetworkIcon      any    `json:"referrerSocialNetworkIcon"`
	LanguageCode                   string `json:"languageCode"`
	Language                       string `json:"language"`
	DeviceType                     string `json:"deviceType"`
	DeviceTypeIcon                 string `json:"deviceTypeIcon"`
	DeviceBrand                    string `json:"deviceBrand"`
	DeviceModel                    string `json:"deviceModel"`
	OperatingSystem                string `json:"operatingSystem"`
	OperatingSystemName            string `json:"operatingSystemName"`
	OperatingSystemIcon            string `json:"operatingSystemIcon"`
	OperatingSystemCode            string `json:"operatingSystemCode"`
	OperatingSystemVersion         string `json:"operatingSystemVersion"`
	BrowserFamily                  string `json:"browserFamily"`
	BrowserFamilyDescription       string `json:"browserFamilyDescription"`
	Browser                        string `json:"browser"`
	BrowserName                    string `json:"browserName"`
	BrowserIcon                    string `json:"browserIcon"`
	BrowserCode                    string `json:"browserCode"`
	BrowserVersion                 string `json:"browserVersion"`
	TotalEcommerceRevenue          int    `json:"totalEcommerceRevenue"`
	TotalEcommerceConversions      int    `json:"totalEcommerceConversions"`
	TotalEcommerceItems            int    `json:"totalEcommerceItems"`
	TotalAbandonedCartsRevenue     int    `json:"totalAbandonedCartsRevenue"`
	TotalAbandonedCarts            int    `json:"totalAbandonedCarts"`
	TotalAbandonedCartsItems       int    `json:"totalAbandonedCartsItems"`
	Events                         int    `json:"events"`
	Continent                      string `json:"continent"`
	ContinentCode                  string `json:"continentCode"`
	Country                        string `json:"country"`
	CountryCode                    string `json:"countryCode"`
	CountryFlag                    string `json:"countryFlag"`
	Region                         any    `json:"region"`
	RegionCode                     any    `json:"regionCode"`
	City                           any    `json:"city"`
	Location                       string `json:"location"`
	Latitude                       any    `json:"latitude"`
	Longitude                      any    `json:"longitude"`
	VisitLocalTime                 string `json:"visitLocalTime"`
	VisitLocalHour                 string `json:"visitLocalHour"`
	DaysSinceLastVisit             int    `json:"daysSinceLastVisit"`
	SecondsSinceLastVisit          int    `json:"secondsSinceLastVisit"`
	Resolution                     string `json:"resolution"`
	Plugins                        string `json:"plugins"`
	PluginsIcons                   any    `json:"pluginsIcons"`
}

func (s *Server) visitRow(site *Site) visitRow {
	t := site.LastVisit.UTC()
	return visitRow{
		IDSite:                      site.ID,
		IDVisit:                     site.ID*1000 + 1,
		VisitIP:                     "127.0.0.0",
		VisitorID:                   fmt.Sprintf("%016x", site.ID*7919),
		Fingerprint:                 fmt.Sprintf("%016x", site.ID*104729),
		ActionDetails:               []any{},
		SiteCurrency:                site.Currency,
		SiteCurrencySymbol:          currencySymbol(site.Currency),
		ServerDate:                  t.Format("2006-01-02"),
		VisitServerHour:             strconv.Itoa(t.Hour()),
		LastActionTimestamp:         t.Unix(),
		LastActionDateTime:          t.Format(time.DateTime),
		SiteName:                    site.Name,
		ServerTimestamp:             t.Unix(),
		FirstActionTimestamp:        t.Unix(),
		ServerTimePretty:            t.Format("15:04:05"),
		ServerDatePretty:            t.Format("Monday, January 2, 2006"),
		ServerDatePrettyFirstAction: t.Format("Monday, January 2, 2006"),
		ServerTimePrettyFirstAction: t.Format("15:04:05"),
		VisitorType:                 "new",
		VisitCount:                  1,
		VisitEcommerceStatus:        "none",
		VisitDuration:               0,
		VisitDurationPretty:         "0s",
		Actions:                     1,
		Interactions:                1,
		ReferrerType:                "direct",
		ReferrerTypeName:            "Direct Entry",
		Language:                    "Unknown",
		DeviceType:                  "Unknown",
		DeviceTypeIcon:              "plugins/Morpheus/icons/dist/devices/unknown.png",
		DeviceBrand:                 "Unknown",
		DeviceModel:                 "Unknown",
		OperatingSystem:             "Unknown",
		OperatingSystemName:         "Unknown",
		OperatingSystemIcon:         "plugins/Morpheus/icons/dist/os/UNK.png",
		OperatingSystemCode:         "UNK",
		OperatingSystemVersion:      "UNK",
		BrowserFamilyDescription:    "Unknown",
		Browser:                     "curl 7.88",
		BrowserName:                 "curl",
		BrowserIcon:                 "plugins/Morpheus/icons/dist/browsers/UNK.png",
		BrowserCode:                 "curl",
		BrowserVersion:              "7.88",
		Continent:                   "Unknown",
		ContinentCode:               "unk",
		Country:                     "Unknown",
		CountryCode:                 "xx",
		CountryFlag:                 "plugins/Morpheus/icons/dist/flags/xx.png",
		Location:                    "Unknown",
		VisitLocalTime:              t.Format("15:04:05"),
		VisitLocalHour:              strconv.Itoa(t.Hour()),
		Resolution:                  "unknown",
	}
}

// currencySymbol is Matomo's symbol for the currencies of the fake's sites.
func currencySymbol(c string) string {
	switch c {
	case "EUR":
		return "€"
	case "USD":
		return "$"
	}
	return c
}

// pluginNotEnabled is Matomo's answer for a method of a plugin that is
// not activated (PluginDeactivatedException).
func pluginNotEnabled(plugin string) *apiError {
	return &apiError{msg: fmt.Sprintf("The plugin %s is not enabled. You can activate the plugin on Settings > Plugins page in Matomo.", plugin)}
}

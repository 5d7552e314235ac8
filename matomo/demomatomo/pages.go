package demomatomo

import (
	"html"
	"io"
	"net/http"
	"strings"
)

// The pages below are shaped exactly like what the recorded Matomo 5.0.2
// (on PHP's built-in web server) sent, byte for byte apart from the host,
// so that clients meet the same HTML here as in the field. The fidelity
// test compares them with the recordings.

// errorPageHTML is Matomo's error page, shown for failures before the API
// runs when the query string does not say module=API. {{BASE}} is Matomo's
// URL, {{MESSAGE}} the message as HTML.
const errorPageHTML = `<!DOCTYPE html>
<html>
<head>
	<meta charset="utf-8">
	<meta name="robots" content="noindex,nofollow">
	<title>Matomo &rsaquo; Error</title>
	<link rel="shortcut icon" href="misc/user/favicon.png" />
	<link rel="stylesheet" type="text/css" href="plugins/Morpheus/stylesheets/simple_structure.css" />
</head>
<body id="simple">

<div class="logo">
	<img title="Matomo" alt="Matomo" style="height: 40px;" src="{{BASE}}plugins/Morpheus/images/logo.svg"/>
</div>

<div class="box">

	<div class="header">
		<h1>An error occurred</h1>
	</div>

	<div class="content"><h2>{{MESSAGE}}</h2><p><a href="javascript:window.history.back();">Go Back</a> | <a href="index.php">Go to Matomo</a></p>  <ul>
                            <li><a rel="noreferrer noopener" target="_blank" href="https://matomo.org">Matomo.org homepage</a></li>
                            <li><a rel="noreferrer noopener" target="_blank" href="https://matomo.org/faq/">Frequently Asked Questions</a></li>
                            <li><a rel="noreferrer noopener" target="_blank" href="https://matomo.org/docs/">User Guides</a></li>
                            <li><a rel="noreferrer noopener" target="_blank" href="https://forum.matomo.org/">Matomo Forums</a></li>
                            <li><a rel="noreferrer noopener" target="_blank" href="https://matomo.org/support/">Professional Support for Matomo</a></li>
                            </ul>    </div>

    <div class="footer">
        <a href="index.php">&laquo; Back to Matomo</a>
    </div>

</div>
</body>
</html>

`

// msgSuperUserEmbed is what Matomo 5 answers, as HTML, when a superuser's
// token opens a screen (module other than API) instead of the API.
const msgSuperUserEmbed = `This user has super-user access. Embedding widgets with super-user token authentication is not allowed. <a href="https://matomo.org/faq/troubleshooting/faq_147/" rel="noreferrer noopener">Check the FAQ for more info.</a>`

// writeErrorPage writes Matomo's error page with an HTML message.
func writeErrorPage(w io.Writer, base, messageHTML string) {
	page := strings.Replace(errorPageHTML, "{{BASE}}", base, 1)
	io.WriteString(w, strings.Replace(page, "{{MESSAGE}}", messageHTML, 1))
}

// notFoundHTML is the 404 page of PHP's built-in web server, which served
// the recorded Matomo, for a file that does not exist.
const notFoundHTML = `<!doctype html><html><head><title>404 Not Found</title><style>
body { background-color: #fcfcfc; color: #333333; margin: 0; padding:0; }
h1 { font-size: 1.5em; font-weight: normal; background-color: #9999cc; min-height:2em; line-height:2em; border-bottom: 1px inset black; margin: 0; }
h1, p { padding-left: 10px; }
code.url { background-color: #eeeeee; font-family:monospace; padding:0 2px;}
</style>
</head><body><h1>Not Found</h1><p>The requested resource <code class="url">{{PATH}}</code> was not found on this server.</p></body></html>`

func writeNotFound(w http.ResponseWriter, path string) {
	w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	w.WriteHeader(http.StatusNotFound)
	io.WriteString(w, strings.Replace(notFoundHTML, "{{PATH}}", html.EscapeString(path), 1))
}

// trackerAnswer is what matomo.php and piwik.php, the tracker, answer to a
// request that is not a tracking request: a 1x1 GIF and a note.
const trackerAnswer = "GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;" +
	"This resource is part of Matomo. Keep full control of your data with the leading free and open source <a href='https://matomo.org' target='_blank' rel='noopener noreferrer nofollow'>web analytics & conversion optimisation platform</a>.<br>\n" +
	"This file is the endpoint for the Matomo tracking API. If you want to access the Matomo UI or use the Reporting API, please use <a href='index.php'>index.php</a> instead.\n"

func writeTracker(w http.ResponseWriter) {
	w.Header().Set("X-Powered-By", poweredBy)
	w.Header().Set("Content-Type", "image/gif")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.Header().Set("Access-Control-Allow-Credentials", "true")
	w.WriteHeader(http.StatusBadRequest)
	io.WriteString(w, trackerAnswer)
}

// trackingScript is the start of matomo.js; the real file is 66 kB of
// minified JavaScript, which no client of the API needs.
const trackingScript = "/*!!\n * Matomo - free/libre analytics platform\n *\n * JavaScript tracking client\n *\n" +
	" * @link https://piwik.org\n */\n;if(typeof _paq!==\"object\"){_paq=[]}\n"

func writeTrackingScript(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/javascript")
	io.WriteString(w, trackingScript)
}

// writeLoginPage is Matomo's sign-in screen, which it shows for requests
// that do not name the API module. The real page is 130 kB; this one has
// the same status, content type and title.
func writeLoginPage(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store, must-revalidate")
	w.Header().Set("X-Frame-Options", "sameorigin")
	io.WriteString(w, "<!DOCTYPE html>\n<html id=\"ng-app\" >\n    <head>\n        <meta charset=\"utf-8\">\n"+
		"            <title>Sign in - Matomo</title>\n"+
		"            <meta name=\"generator\" content=\"Matomo - free/libre analytics platform\"/>\n"+
		"    </head>\n    <body class=\"login\"><form id=\"login_form\" method=\"post\"><input name=\"form_login\">"+
		"<input type=\"password\" name=\"form_password\"></form></body>\n</html>\n")
}

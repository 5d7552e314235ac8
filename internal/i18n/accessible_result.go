package i18n

// The line mode after a verified token: what it reaches, the site list,
// the URL and data checks, what to paste where, the ways the token goes
// out, the diagnostics report.
var (
	// LineVerifiedHeading heads the result.
	LineVerifiedHeading = &Message{
		En: "Verified",
		De: "Geprüft",
	}
	// LineMatomoVersionShort: the version.
	LineMatomoVersionShort = &Message{
		En: "Matomo %s",
		De: "Matomo %s",
	}
	// LineVersionNotReported names a Matomo that did not say its version.
	LineVersionNotReported = &Message{
		En: "Matomo (it did not report its version)",
		De: "Matomo (es hat seine Version nicht gemeldet)",
	}
	// LineTokenWorks: the Matomo and version, the address, the token's
	// fingerprint.
	LineTokenWorks = &Message{
		En: "The token works: %s at %s, token %s.",
		De: "Der Token funktioniert: %s unter %s, Token %s.",
	}
	// LineURLCheckTells goes with a created token's summary: the answer
	// word.
	LineURLCheckTells = &Message{
		En: "%s tells whether this Matomo also takes it in URLs.",
		De: "%s zeigt, ob dieses Matomo ihn auch in URLs annimmt.",
	}
	// LineSuperUserYes warns of a superuser's token.
	LineSuperUserYes = &Message{
		En: "Superuser: yes. This token can do everything in this Matomo, on every site. " +
			"For an integration, create a dedicated user with view access to the sites it needs, and a token for that user.",
		De: "Hauptadministrator: ja. Dieser Token darf in diesem Matomo alles, auf jeder Website. " +
			"Legen Sie für eine Integration einen eigenen Benutzer mit Ansichtszugriff auf die nötigen Websites an, und einen Token für diesen Benutzer.",
	}
	// LineSuperUserNo: not a superuser.
	LineSuperUserNo = &Message{
		En: "Superuser: no, good for an integration.",
		De: "Hauptadministrator: nein, gut für eine Integration.",
	}
	// LineSitesCounts: all, with admin, write, view access.
	LineSitesCounts = &Message{
		En: "Sites: %d in all; %d with admin access, %d with write access, %d with view access.",
		De: "Websites: %d insgesamt; %d mit Administratorzugriff, %d mit Schreibzugriff, %d mit Ansichtszugriff.",
	}
	// LineViewIsEnough: more access than reading needs.
	LineViewIsEnough = &Message{
		En: "An integration that only reads reports needs view access; a user with view access only is the safest choice.",
		De: "Eine Integration, die nur Berichte liest, braucht Ansichtszugriff; ein Benutzer mit reinem Ansichtszugriff ist die sicherste Wahl.",
	}
	// LineSiteIDPrompt asks for the site.
	LineSiteIDPrompt = &Message{
		En: "Site ID",
		De: "Website-ID",
	}
	// LineNoSuchSite: the ID typed.
	LineNoSuchSite = &Message{
		En: "This token reaches no site with ID %s. Type an ID from the list, or filter to find a site.",
		De: "Dieser Token erreicht keine Website mit der ID %s. Geben Sie eine ID aus der Liste ein, oder filtern Sie, um eine Website zu finden.",
	}
	// LineLastPage: the word for the page before.
	LineLastPage = &Message{
		En: "This is the last page. Type %s for the one before, or a site's ID.",
		De: "Dies ist die letzte Seite. Geben Sie %s für die vorige Seite ein oder die ID einer Website.",
	}
	// LineFirstPage: the word for more.
	LineFirstPage = &Message{
		En: "This is the first page. Type %s for more, or a site's ID.",
		De: "Dies ist die erste Seite. Geben Sie %s für weitere Websites ein oder die ID einer Website.",
	}
	// LineFilterHow: the word for the filter in running text, as typed.
	LineFilterHow = &Message{
		En: "Type %s and the text to look for, for example: %s shop",
		De: "Geben Sie %s und den gesuchten Text ein, zum Beispiel: %s shop",
	}
	// LineFilterToken: a token typed as the filter.
	LineFilterToken = &Message{
		En: "That looks like a token; the filter looks for text in site names and addresses.",
		De: "Das sieht aus wie ein Token; der Filter sucht Text in den Namen und Adressen der Websites.",
	}
	// LineNeitherIDNorCommand: the answer (quoted), what can be typed.
	LineNeitherIDNorCommand = &Message{
		En: "%s is neither a site ID nor a command. %s",
		De: "%s ist weder eine Website-ID noch ein Befehl. %s",
	}
	// LineCreatedNotSaved: the description (quoted), the ways out.
	LineCreatedNotSaved = &Message{
		En: "The token created for you, %s, is not saved anywhere yet, and Matomo showed it to nobody: " +
			"choose a site, then take it (%s), before checking another token or address.",
		De: "Der Token, der für Sie erstellt wurde, %s, ist noch nirgends gespeichert, und Matomo hat ihn niemandem gezeigt: " +
			"Wählen Sie eine Website und nehmen Sie ihn dann (%s), bevor Sie einen anderen Token oder eine andere Adresse prüfen.",
	}
	// LineNoSiteMatches: the filter (quoted), the words for all, filter.
	LineNoSiteMatches = &Message{
		En: "No site matches %s. Type %s to list every site again, or %s and other text.",
		De: "Keine Website passt zu %s. Geben Sie %s ein, um wieder alle Websites aufzulisten, oder %s und einen anderen Text.",
	}
	// LineSitesMatch: how many match, of how many, the filter (quoted).
	LineSitesMatch = &Message{
		Plural: 1,
		En:     "%d of the %d sites match %s:", EnOne: "%d of the %d sites matches %s:",
		De: "%d der %d Websites passen zu %s:", DeOne: "%d der %d Websites passt zu %s:",
	}
	// LineSitesMatchingPage: the filter (quoted), from, to, of how many
	// matching, of how many in all.
	LineSitesMatchingPage = &Message{
		En: "Sites matching %s: %d to %d of %d (of %d in all):",
		De: "Websites, die zu %s passen: %d bis %d von %d (von %d insgesamt):",
	}
	// LineSitesPage: from, to, of how many.
	LineSitesPage = &Message{
		En: "Sites %d to %d of %d, by ID:",
		De: "Websites %d bis %d von %d, nach ID:",
	}
	// LineTheSites: how many.
	LineTheSites = &Message{
		Plural: 1,
		En:     "The %d sites, by ID:", EnOne: "The %d site, by ID:",
		De: "Die %d Websites, nach ID:", DeOne: "Die einzige Website, nach ID:",
	}
	// LineSiteItem: the ID, the name, the address, the access.
	LineSiteItem = &Message{
		En: "ID %s: %s, %s, %s access.",
		De: "ID %s: %s, %s, Zugriff: %s.",
	}
	// LineAccessAdmin, LineAccessWrite, LineAccessView name an access.
	// LineCmdNext … LineCmdAddress label the site question's commands:
	// the command's word.
	LineCmdNext = &Message{
		En: "%s (more sites)",
		De: "%s (weitere Websites)",
	}
	LineCmdPrev = &Message{
		En: "%s (the page before)",
		De: "%s (die vorige Seite)",
	}
	LineCmdFilter = &Message{
		En: "%s and text (only matching sites)",
		De: "%s und Text (nur passende Websites)",
	}
	LineCmdAll = &Message{
		En: "%s (every site)",
		De: "%s (alle Websites)",
	}
	LineCmdURLCheck = &Message{
		En: "%s (whether tools that put the token in a URL can use it)",
		De: "%s (ob Programme, die den Token in eine URL setzen, ihn verwenden können)",
	}
	LineCmdReport = &Message{
		En: "%s (save a diagnostics report for support, without the token)",
		De: "%s (einen Diagnosebericht für den Support speichern, ohne den Token)",
	}
	LineCmdToken = &Message{
		En: "%s (check another token)",
		De: "%s (einen anderen Token prüfen)",
	}
	LineCmdAddress = &Message{
		En: "%s (change the address)",
		De: "%s (die Adresse ändern)",
	}
	// LineSiteCommands: the commands.
	LineSiteCommands = &Message{
		En: "Type a site's ID to use that site, or: %s.",
		De: "Geben Sie die ID einer Website ein, um diese Website zu verwenden, oder: %s.",
	}
	// LineDoneHeading heads the end.
	LineDoneHeading = &Message{
		En: "Done: what to paste where",
		De: "Fertig: was Sie wo einfügen",
	}
	// LineNotShownOrPaste: the ways out.
	LineNotShownOrPaste = &Message{
		En: "It is not shown here: %s, or paste it from where you copied it in Matomo.",
		De: "Er wird hier nicht angezeigt: %s, oder fügen Sie ihn von dort ein, wo Sie ihn in Matomo kopiert haben.",
	}
	// LineNotShown: the ways out.
	LineNotShown = &Message{
		En: "It is not shown here: %s.",
		De: "Er wird hier nicht angezeigt: %s.",
	}
	// LineTokenYouVerified: its fingerprint.
	LineTokenYouVerified = &Message{
		En: "the token you verified (%s)",
		De: "der Token, den Sie geprüft haben (%s)",
	}
	// LineTokenCreatedForYou: its description (quoted), its fingerprint.
	LineTokenCreatedForYou = &Message{
		En: "the token created for you, %s (%s)",
		De: "der Token, der für Sie erstellt wurde, %s (%s)",
	}
	// LineInDataSourceForm: the tool.
	LineInDataSourceForm = &Message{
		En: "In %s's data-source form:",
		De: "Im Datenquellen-Formular von %s:",
	}
	// LineAPIKey: which token, where it is.
	LineAPIKey = &Message{
		En: "API Key: %s. %s",
		De: "Feld „API Key“: %s. %s",
	}
	// LineInTool: the tool.
	LineInTool = &Message{
		En: "In %s:",
		De: "Bei %s:",
	}
	// LineTokenAuthField: which token, where it is.
	LineTokenAuthField = &Message{
		En: "The Matomo token (token_auth): %s. %s",
		De: "Der Matomo-Token (token_auth): %s. %s",
	}
	// LineSuperUserAtEnd warns again of a superuser's token.
	LineSuperUserAtEnd = &Message{
		En: "Superuser: this token can do everything in this Matomo; for an integration, use a user with view access only.",
		De: "Hauptadministrator: Dieser Token darf in diesem Matomo alles; verwenden Sie für eine Integration einen Benutzer mit reinem Ansichtszugriff.",
	}
	// LineMatomoAddress: the address.
	LineMatomoAddress = &Message{
		En: "Matomo address: %s",
		De: "Matomo-Adresse: %s",
	}
	// LineSiteID: the ID.
	LineSiteID = &Message{
		En: "Site ID: %s",
		De: "Website-ID: %s",
	}
	// LineSiteDomain: the domain, the site's name (quoted).
	LineSiteDomain = &Message{
		En: "Site domain: %s (the site %s)",
		De: "Domain der Website: %s (die Website %s)",
	}
	// LineKeepSafe: where the token belongs; the page that lists tokens.
	LineKeepSafe = &Message{
		En: "Keep the token safe, like a password: in a password manager, not in an email, chat or ticket. " +
			"Matomo does not show it again; if it is lost, create a new one and delete the old one under %s.",
		De: "Bewahren Sie den Token sicher auf, wie ein Passwort: in einem Passwort-Manager, nicht in einer E-Mail, einem Chat oder einem Ticket. " +
			"Matomo zeigt ihn nicht noch einmal; geht er verloren, erstellen Sie einen neuen und löschen den alten unter %s.",
	}
	// LineEndHere labels the answer that ends.
	LineEndHere = &Message{
		En: "end here",
		De: "hier beenden",
	}
	// LineChooseAnotherSiteLabel labels the answer that goes back to the
	// sites.
	LineChooseAnotherSiteLabel = &Message{
		En: "choose another site",
		De: "eine andere Website wählen",
	}
	// LineFinishedSaved: the file.
	LineFinishedSaved = &Message{
		En: "Finished. The token is saved in %s, and nowhere else by matomo-onboard.",
		De: "Fertig. Der Token ist in %s gespeichert, und matomo-onboard hat ihn sonst nirgends gespeichert.",
	}
	// LineFinishedNothing: nothing saved.
	LineFinishedNothing = &Message{
		En: "Finished. matomo-onboard saved nothing: the token is only where you paste it.",
		De: "Fertig. matomo-onboard hat nichts gespeichert: Der Token ist nur dort, wo Sie ihn einfügen.",
	}
	// LineFinishedNoToken: a report saved, no token.
	LineFinishedNoToken = &Message{
		En: "Finished. matomo-onboard saved no token: the token is only where you paste it.",
		De: "Fertig. matomo-onboard hat keinen Token gespeichert: Der Token ist nur dort, wo Sie ihn einfügen.",
	}
	// LineWaysCopySave: the words for copy, save.
	LineWaysCopySave = &Message{
		En: "%s puts it into the system clipboard, %s into a new file",
		De: "%s legt ihn in die Zwischenablage des Systems, %s in eine neue Datei",
	}
	// LineWaysSaveNoClipboard: the word for save, why there is no
	// clipboard.
	LineWaysSaveNoClipboard = &Message{
		En: "%s puts it into a new file (no system clipboard: %s)",
		De: "%s legt ihn in eine neue Datei (keine Zwischenablage des Systems: %s)",
	}
	// LineWaysSave: the word for save.
	LineWaysSave = &Message{
		En: "%s puts it into a new file",
		De: "%s legt ihn in eine neue Datei",
	}

	// LineCopyLabel: the clipboard's tool.
	LineCopyLabel = &Message{
		En: "put the token into the system clipboard, with %s",
		De: "den Token in die Zwischenablage des Systems legen, mit %s",
	}
	// LineSaveLabel labels save.
	LineSaveLabel = &Message{
		En: "save the token to a new file that only you can read",
		De: "den Token in einer neuen Datei speichern, die nur Sie lesen können",
	}
	// LineCopyFailed: why, the word for save.
	LineCopyFailed = &Message{
		En: "The token did not reach the system clipboard: %s. Type %s to save it to a file instead.",
		De: "Der Token ist nicht in der Zwischenablage des Systems angekommen: %s. Mit %s speichern Sie ihn stattdessen in einer Datei.",
	}
	// LineCopied: the clipboard's tool.
	LineCopied = &Message{
		En: "%s put the token into the system clipboard. Paste it where it belongs; " +
			"a clipboard history keeps it too, so clear that once the token is pasted.",
		De: "%s hat den Token in die Zwischenablage des Systems gelegt. Fügen Sie ihn dort ein, wo er hingehört; " +
			"ein Verlauf der Zwischenablage behält ihn auch, leeren Sie ihn also, sobald der Token eingefügt ist.",
	}
	// LineSaveExplained explains save.
	LineSaveExplained = &Message{
		En: "The token goes into a new file, readable only by you. A name without a folder is in the current folder; ~ is your home folder.",
		De: "Der Token kommt in eine neue Datei, die nur Sie lesen können. Ein Name ohne Ordner liegt im aktuellen Ordner; ~ ist Ihr persönlicher Ordner.",
	}
	// LineFileNamePrompt asks for the file name.
	LineFileNamePrompt = &Message{
		En: "File name",
		De: "Dateiname",
	}
	// LineFileNameToken: a token typed as the file name.
	LineFileNameToken = &Message{
		En: "That looks like a token, not a file name: nothing was saved, and it is not repeated.",
		De: "Das sieht aus wie ein Token, nicht wie ein Dateiname: Es wurde nichts gespeichert, und es wird nicht wiederholt.",
	}
	// LineNotSaved: the file, why, the word for save.
	LineNotSaved = &Message{
		En: "Not saved to %s: %s. Type %s to choose another name.",
		De: "Nicht gespeichert in %s: %s. Mit %s wählen Sie einen anderen Namen.",
	}
	// LineSaved: the file.
	LineSaved = &Message{
		En: "Saved the token to %s. Only you can read it; delete the file once the token is stored where it belongs.",
		De: "Der Token ist in %s gespeichert. Nur Sie können die Datei lesen; löschen Sie sie, sobald der Token dort gespeichert ist, wo er hingehört.",
	}
	// LineNotSavedYetEnd: the ways out, the word for finish.
	LineNotSavedYetEnd = &Message{
		En: "The token is not saved anywhere yet, and Matomo does not show it again: %s. Choose %s again to end without it.",
		De: "Der Token ist noch nirgends gespeichert, und Matomo zeigt ihn nicht noch einmal: %s. Wählen Sie noch einmal %s, um ohne ihn zu beenden.",
	}
	// LineNotSavedYetQuitHere: the ways out, the word for quit.
	LineNotSavedYetQuitHere = &Message{
		En: "The token is not saved anywhere yet, and Matomo does not show it again: %s. Choose %s again to stop without it.",
		De: "Der Token ist noch nirgends gespeichert, und Matomo zeigt ihn nicht noch einmal: %s. Wählen Sie noch einmal %s, um ohne ihn aufzuhören.",
	}
	// LineNotSavedYetQuit: the ways out, the word for quit.
	LineNotSavedYetQuit = &Message{
		En: "The token is not saved anywhere yet, and Matomo does not show it again: at the end, %s. Type %s again to stop without it.",
		De: "Der Token ist noch nirgends gespeichert, und Matomo zeigt ihn nicht noch einmal: Am Ende %s. Geben Sie noch einmal %s ein, um ohne ihn aufzuhören.",
	}

	// LineReportLabel labels the report answer.
	LineReportLabel = &Message{
		En: "save a diagnostics report for support, without the token",
		De: "einen Diagnosebericht für den Support speichern, ohne den Token",
	}
	// LineReportFailed: why.
	LineReportFailed = &Message{
		En: "The report could not be written: %s.",
		De: "Der Bericht konnte nicht geschrieben werden: %s.",
	}
	// LineReportSaved introduces the report's path, on a line of its own.
	LineReportSaved = &Message{
		En: "Diagnostics report saved to this file:",
		De: "Diagnosebericht in diese Datei gespeichert:",
	}
	// LineReportNoToken: what the report holds.
	LineReportNoToken = &Message{
		En: "Only you can read the file. It holds no token, only its length and last 4 characters, " +
			"so you can send it to support or your Matomo administrator.",
		De: "Nur Sie können die Datei lesen. Sie enthält keinen Token, nur seine Länge und seine letzten 4 Zeichen, " +
			"daher können Sie sie an den Support oder Ihren Matomo-Administrator senden.",
	}
	// LineReportKept: the report's path.
	LineReportKept = &Message{
		En: "The diagnostics report stays at %s; it holds no token.",
		De: "Der Diagnosebericht bleibt in %s; er enthält keinen Token.",
	}

	// LineURLCheckHeading heads the URL check.
	LineURLCheckHeading = &Message{
		En: "URL check",
		De: "URL-Prüfung",
	}
	// LineURLCheckBlocked: not run after the lock-out.
	LineURLCheckBlocked = &Message{
		En: "The URL check is not run: no more tokens are sent in this session, because of Matomo's lock-out.",
		De: "Die URL-Prüfung läuft nicht: In dieser Sitzung werden wegen der Sperre von Matomo keine Token mehr gesendet.",
	}
	// LineURLCheckDone: its answer, in matomo's words.
	LineURLCheckDone = &Message{
		En: "The URL check was already run, and its answer stays the same: %s",
		De: "Die URL-Prüfung lief schon, und ihre Antwort bleibt dieselbe: %s",
	}
	// LineURLCheckOnce: run once, failed.
	LineURLCheckOnce = &Message{
		En: "The URL check was already run once. It runs once per token, since a refusal counts as a failed login; " +
			"only a network problem or a timeout lets it run again.",
		De: "Die URL-Prüfung lief schon einmal. Sie läuft einmal je Token, weil eine Ablehnung als fehlgeschlagene Anmeldung zählt; " +
			"nur ein Netzwerkproblem oder eine Zeitüberschreitung lässt sie noch einmal laufen.",
	}
	// LineURLCheckNeedsToken: no verified token.
	LineURLCheckNeedsToken = &Message{
		En: "The URL check needs a verified token.",
		De: "Die URL-Prüfung braucht einen geprüften Token.",
	}
	// LineURLCheckExplained says what the URL check finds out.
	LineURLCheckExplained = &Message{
		En: "Some tools send the token inside URLs (…&token_auth=…). This check finds out whether Matomo accepts this token there.",
		De: "Manche Programme senden den Token in URLs (…&token_auth=…). Diese Prüfung findet heraus, ob Matomo diesen Token dort annimmt.",
	}
	// LineSendInURL asks to send the token in a URL.
	LineSendInURL = &Message{
		En: "Send the token once in a URL?",
		De: "Den Token einmal in einer URL senden?",
	}
	// LineDoNotSend labels the answer that sends nothing.
	LineDoNotSend = &Message{
		En: "do not send it",
		De: "nicht senden",
	}
	// LineSendInURLOnce labels the answer that sends it.
	LineSendInURLOnce = &Message{
		En: "send it once in a URL",
		De: "einmal in einer URL senden",
	}
	// LineURLNotSent: the answer was no.
	LineURLNotSent = &Message{
		En: "Not sent: the token did not go into a URL.",
		De: "Nicht gesendet: Der Token kam in keine URL.",
	}
	// LineSendingInURL: the address, the time limit.
	LineSendingInURL = &Message{
		En: "Sending the token once in a URL to %s (one request, up to %s)…",
		De: "Der Token wird einmal in einer URL an %s gesendet (eine Anfrage, bis zu %s)…",
	}
	// LineURLCheckResult: the answer, in matomo's words.
	LineURLCheckResult = &Message{
		En: "URL check: %s",
		De: "URL-Prüfung: %s",
	}
	// LineURLCheckIncomplete: no answer about the token.
	LineURLCheckIncomplete = &Message{
		En: "The URL check could not be completed, so it is unknown whether tools that put the token in a URL will work.",
		De: "Die URL-Prüfung konnte nicht abgeschlossen werden; daher ist unklar, ob Programme funktionieren, die den Token in eine URL setzen.",
	}
	// LineURLCheckAgain: the command's word.
	LineURLCheckAgain = &Message{
		En: "You can run the URL check again: type %s.",
		De: "Sie können die URL-Prüfung noch einmal laufen lassen: Geben Sie %s ein.",
	}
	// LineStillGood follows LineNoMoreTokens after the URL check met the
	// lock-out.
	LineStillGood = &Message{
		En: "%s The token you verified is still good: you can still choose a site and see what to paste where.",
		De: "%s Der Token, den Sie geprüft haben, ist weiterhin gut: Sie können trotzdem eine Website wählen und sehen, was Sie wo einfügen.",
	}

	// LineCheckingData: the site's ID, the time limit.
	LineCheckingData = &Message{
		En: "Checking that site %s has data: its last visit, asked with the token (one request, up to %s)…",
		De: "Es wird geprüft, ob die Website %s Daten hat: ihr letzter Besuch, mit dem Token abgefragt (eine Anfrage, bis zu %s)…",
	}
	// LineTrackingCode: the link to the site's tracking code.
	LineTrackingCode = &Message{
		En: "The site's tracking code in Matomo: %s",
		De: "Der Tracking-Code der Website in Matomo: %s",
	}
	// LineDataCheck: what the data check found, in matomo's words.
	LineDataCheck = &Message{
		En: "Data check: %s",
		De: "Datenprüfung: %s",
	}
	// LineDataAgainLabel labels the answer that checks the data again.
	LineDataAgainLabel = &Message{
		En: "check the site's data again (one request with the token)",
		De: "die Daten der Website noch einmal prüfen (eine Anfrage mit dem Token)",
	}
)

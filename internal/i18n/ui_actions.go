package i18n

// The wizard's side actions and what it says about them in its status
// line: copying, opening a link, writing the report.
var (
	// UICopied: what was copied (UICopyWhat…).
	UICopied = &Message{
		En: "Sent %s to the terminal's clipboard. Some terminals ignore that (tmux does by default): " +
			"if pasting gives something else, select it on the screen.",
		De: "%s wurde an die Zwischenablage des Terminals gesendet. Manche Terminals ignorieren das (tmux " +
			"tut es standardmäßig): Wenn beim Einfügen etwas anderes kommt, markieren Sie es auf dem Bildschirm.",
	}
	UICopyWhatLink        = &Message{En: "the link", De: "Der Link"}
	UICopyWhatDescription = &Message{En: "the description", De: "Die Beschreibung"}
	UICopyWhatAddress     = &Message{En: "the Matomo address", De: "Die Matomo-Adresse"}
	UICopyWhatSiteID      = &Message{En: "the site id", De: "Die Website-ID"}
	UICopyWhatToken       = &Message{En: "the token", De: "Der Token"}

	// UINotOpened: why there is no browser.
	UINotOpened = &Message{
		En: "Not opened: %s. Open the link above yourself, or press c to copy it.",
		De: "Nicht geöffnet: %s. Öffnen Sie den Link oben selbst, oder drücken Sie c, um ihn zu kopieren.",
	}
	UINoBrowser = &Message{
		En: "no browser is available here",
		De: "hier ist kein Browser verfügbar",
	}
	UINoBrowserSSH = &Message{
		En: "this is an SSH session, so a browser would open on the remote computer",
		De: "dies ist eine SSH-Sitzung, ein Browser würde also auf dem entfernten Computer geöffnet",
	}
	UINoBrowserDesktop = &Message{
		En: "this computer has no graphical desktop",
		De: "dieser Computer hat keine grafische Oberfläche",
	}
	UINoBrowserXDGOpen = &Message{
		En: "xdg-open, which opens links on Linux, is not installed",
		De: "xdg-open, das unter Linux Links öffnet, ist nicht installiert",
	}
	UIOpened = &Message{
		En: "✓ Handed the link to your browser.",
		De: "✓ Der Link ist an Ihren Browser übergeben.",
	}
	// UIOpenerRunning: the opener, the link.
	UIOpenerRunning = &Message{
		En: "Handed the link to %s, which has not finished (some wait until the browser closes). " +
			"If no browser window appears, open this link yourself: %s",
		De: "Der Link ist an %s übergeben, das noch nicht fertig ist (manche warten, bis der Browser schließt). " +
			"Wenn kein Browserfenster erscheint, öffnen Sie diesen Link selbst: %s",
	}
	// UIOpenerFailed: the opener, how it failed (UIOpener…), the link.
	UIOpenerFailed = &Message{
		En: "✗ The browser did not open: %s %s. Open this link yourself: %s",
		De: "✗ Der Browser hat sich nicht geöffnet: %s %s. Öffnen Sie diesen Link selbst: %s",
	}
	// UIOpenFailed: the error, the link.
	UIOpenFailed = &Message{
		En: "✗ The browser did not open (%s). Open this link yourself: %s",
		De: "✗ Der Browser hat sich nicht geöffnet (%s). Öffnen Sie diesen Link selbst: %s",
	}
	// UIOpenerNotStarted: the error.
	UIOpenerNotStarted = &Message{
		En: "could not be started (%s)",
		De: "konnte nicht gestartet werden (%s)",
	}
	// UIOpenerStopped: the signal.
	UIOpenerStopped = &Message{
		En: "was stopped (%s)",
		De: "wurde beendet (%s)",
	}
	// UIOpenerExit: the exit status.
	UIOpenerExit = &Message{
		En: "ended with exit status %s",
		De: "endete mit dem Status %s",
	}
	// UIOpenerExitWhy: the exit status, what it means (UIXDGOpen…).
	UIOpenerExitWhy = &Message{
		En: "ended with exit status %s: %s",
		De: "endete mit dem Status %s: %s",
	}
	UIXDGOpenUsage     = &Message{En: "a usage error", De: "ein Aufruffehler"}
	UIXDGOpenMissing   = &Message{En: "a file it needed was missing", De: "eine nötige Datei fehlte"}
	UIXDGOpenNoProgram = &Message{En: "no program to open links with was found", De: "kein Programm zum Öffnen von Links gefunden"}
	UIXDGOpenNoBrowser = &Message{En: "the browser could not be started", De: "der Browser konnte nicht gestartet werden"}

	// UIReportFailed: the error.
	UIReportFailed = &Message{
		En: "✗ Could not write the report: %s",
		De: "✗ Der Bericht konnte nicht geschrieben werden: %s",
	}
	UIReportWritten = &Message{
		En: "✓ Diagnostics written to this file (only you can read it; it holds no token):",
		De: "✓ Diagnose in diese Datei geschrieben (nur Sie können sie lesen; sie enthält keinen Token):",
	}
)

package i18n

// Why there is no system clipboard (internal/desktop), said by the
// wizard and the line mode at the end.
var (
	// DesktopRemoteClipboard: an SSH session.
	DesktopRemoteClipboard = &Message{
		En: "this is an SSH session, so the system clipboard here is the remote computer's",
		De: "dies ist eine SSH-Sitzung, die Zwischenablage des Systems ist hier also die des entfernten Computers",
	}
	// DesktopNoDesktop: no graphical desktop.
	DesktopNoDesktop = &Message{
		En: "this computer has no graphical desktop, so no system clipboard",
		De: "dieser Computer hat keine grafische Oberfläche, also keine Zwischenablage des Systems",
	}
	// DesktopNoClipboardTool: the tools looked for.
	DesktopNoClipboardTool = &Message{
		En: "no clipboard tool is installed (%s)",
		De: "kein Programm für die Zwischenablage ist installiert (%s)",
	}
)

// Why the clipboard's tool did not take the token.
var (
	// DesktopCopyNotStarted: the tool, why (the system's words).
	DesktopCopyNotStarted = &Message{
		En: "%s could not be started: %s",
		De: "%s konnte nicht gestartet werden: %s",
	}
	// DesktopCopyEnded: the tool, how it ended (the system's words).
	DesktopCopyEnded = &Message{
		En: "%s ended with %s",
		De: "%s wurde beendet mit %s",
	}
	// DesktopCopyTimeout: the tool, the time limit.
	DesktopCopyTimeout = &Message{
		En: "%s did not finish within %s",
		De: "%s wurde nicht innerhalb von %s fertig",
	}
)

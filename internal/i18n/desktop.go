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

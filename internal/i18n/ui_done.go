package i18n

// The wizard's done screen (what to enter in the tool's form, the
// token's ways out) and the saving of the token to a file.
var (
	UIDoneNoSite = &Message{
		En: "(none chosen)",
		De: "(keine gewählt)",
	}
	// UIDoneReady: the tool.
	UIDoneReady = &Message{
		En: "✓ Ready for %s",
		De: "✓ Bereit für %s",
	}
	// UIDoneEnter: the tool. The form's fields keep the tool's names.
	UIDoneEnter = &Message{
		En: "In %s's data-source form for Matomo, enter:",
		De: "Tragen Sie im Formular der Datenquelle für Matomo in %s ein:",
	}
	// UIDoneStoreSafely: the page that lists the tokens, in the words of
	// the person's Matomo.
	UIDoneStoreSafely = &Message{
		En: "Store the token safely, for example in your password manager: Matomo will not show it again, " +
			"and whoever has it can act as you in Matomo. If it leaks, delete it under %s.",
		De: "Bewahren Sie den Token sicher auf, zum Beispiel in Ihrem Passwort-Manager: Matomo zeigt ihn nicht noch einmal, " +
			"und wer ihn hat, kann in Matomo als Sie handeln. Gerät er in falsche Hände, löschen Sie ihn unter %s.",
	}
	// UIDoneSystemClipboard: the clipboard tool.
	UIDoneSystemClipboard = &Message{
		En: "s puts it into the system clipboard, with %s.",
		De: "s legt ihn mit %s in die System-Zwischenablage.",
	}
	// UIDoneNoSystemClipboardWhy: why there is none.
	UIDoneNoSystemClipboardWhy = &Message{
		En: "No system clipboard: %s.",
		De: "Keine System-Zwischenablage: %s.",
	}
	UIDoneNoSystemClipboard = &Message{
		En: "There is no system clipboard here.",
		De: "Hier gibt es keine System-Zwischenablage.",
	}
	UIDoneWaysOut = &Message{
		En: "To paste the token, take it with one of these keys",
		De: "Um den Token einzufügen, nehmen Sie ihn mit einer dieser Tasten",
	}
	UIDoneTerminalClipboard = &Message{
		En: "c sends it to the terminal's clipboard. Some terminals ignore that (tmux does by default).",
		De: "c sendet ihn an die Zwischenablage des Terminals. Manche Terminals ignorieren das (tmux tut es standardmäßig).",
	}
	UIDoneSaveFile = &Message{
		En: "w saves it to a new file that only you can read.",
		De: "w speichert ihn in eine neue Datei, die nur Sie lesen können.",
	}
	// UIDoneAPIKeyCreated: the created token's description, its
	// fingerprint.
	UIDoneAPIKeyCreated = &Message{
		En: "the token created for you, \"%s\" (%s), not shown: see below",
		De: "Der für Sie erstellte Token „%s“ (%s), nicht angezeigt: siehe unten",
	}
	// UIDoneAPIKey: the token's fingerprint.
	UIDoneAPIKey = &Message{
		En: "your token (%s), not shown: see below",
		De: "Ihr Token (%s), nicht angezeigt: siehe unten",
	}

	// UITokenToTerminal: the other ways out (UIOtherWays…).
	UITokenToTerminal = &Message{
		En: "Sent the token to the terminal's clipboard. Some terminals ignore that (tmux does by default): " +
			"if pasting gives nothing, %s.",
		De: "Der Token wurde an die Zwischenablage des Terminals gesendet. Manche Terminals ignorieren das (tmux " +
			"tut es standardmäßig): Wenn beim Einfügen nichts kommt, %s.",
	}
	// UIOtherWaysSystem: the clipboard tool.
	UIOtherWaysSystem = &Message{
		En: "press s for the system clipboard (%s) or w to save it to a file",
		De: "drücken Sie s für die System-Zwischenablage (%s) oder w, um ihn in eine Datei zu speichern",
	}
	UIOtherWaysFile = &Message{
		En: "press w to save it to a file",
		De: "drücken Sie w, um ihn in eine Datei zu speichern",
	}
	// UITokenSystemFailed: the error.
	UITokenSystemFailed = &Message{
		En: "✗ The token did not reach the system clipboard: %s. Press w to save it to a file instead.",
		De: "✗ Der Token kam nicht in der System-Zwischenablage an: %s. Drücken Sie stattdessen w, um ihn in eine Datei zu speichern.",
	}
	// UITokenSystemDone: the clipboard tool.
	UITokenSystemDone = &Message{
		En: "✓ %s put the token into the system clipboard. A clipboard history keeps it too: clear it once the token is pasted.",
		De: "✓ %s hat den Token in die System-Zwischenablage gelegt. Ein Zwischenablage-Verlauf behält ihn auch: " +
			"Leeren Sie ihn, sobald der Token eingefügt ist.",
	}
	// UISaveNoName: the suggested file name.
	UISaveNoName = &Message{
		En: "Type the name of a new file, for example %s.",
		De: "Geben Sie den Namen einer neuen Datei ein, zum Beispiel %s.",
	}
	UISaveCanceled = &Message{
		En: "Not saved.",
		De: "Nicht gespeichert.",
	}
	// UISaveFailed: the file, the error.
	UISaveFailed = &Message{
		En: "✗ Not saved to %s: %s. Choose another name.",
		De: "✗ Nicht in %s gespeichert: %s. Wählen Sie einen anderen Namen.",
	}
	UISaved = &Message{
		En: "✓ Saved the token to this file (only you can read it; delete it once the token is stored where it belongs):",
		De: "✓ Der Token ist in dieser Datei gespeichert (nur Sie können sie lesen; löschen Sie sie, sobald der Token " +
			"dort gespeichert ist, wo er hingehört):",
	}
	UISaveTitle = &Message{
		En: "Save the token to a file",
		De: "Den Token in eine Datei speichern",
	}
	UISaveWhere = &Message{
		En: "A new file only, readable only by you; a relative name is in the folder matomo-onboard was started in, " +
			"~ is your home folder.",
		De: "Nur eine neue Datei, nur für Sie lesbar; ein relativer Name liegt im Ordner, in dem matomo-onboard gestartet wurde, " +
			"~ ist Ihr persönlicher Ordner.",
	}
	UISaveTokenDropped = &Message{
		En: "! That held a token; it was removed. Type a file name here.",
		De: "! Darin war ein Token; er wurde entfernt. Geben Sie hier einen Dateinamen ein.",
	}
	// UIQuitNotSaved: how to take the token (UIQuitWays…).
	UIQuitNotSaved = &Message{
		En: "! The token is not saved anywhere yet, and Matomo does not show it again. %s, or q again to quit without it.",
		De: "! Der Token ist noch nirgends gespeichert, und Matomo zeigt ihn nicht noch einmal. %s, oder noch einmal q, " +
			"um ohne ihn zu beenden.",
	}
	// UIQuitWaysNext: the keys.
	UIQuitWaysNext = &Message{
		En: "On the next screen (enter), %s copy or save it",
		De: "Auf der nächsten Seite (enter) können Sie ihn mit %s kopieren oder speichern",
	}
	// UIQuitWaysHere: the keys.
	UIQuitWaysHere = &Message{
		En: "Press %s to copy or save it",
		De: "Drücken Sie %s, um ihn zu kopieren oder zu speichern",
	}
	UIQuitKeysTwo = &Message{
		En: "c or w",
		De: "c oder w",
	}
	UIQuitKeysThree = &Message{
		En: "c, s or w",
		De: "c, s oder w",
	}
)

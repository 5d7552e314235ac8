package i18n

// The wizard's "create it for me" (package steps and matomo write the
// sentences it shares with the line mode): the offer, the questions, the
// answers so far, what is sent where, and the created token's notes.
var (
	UICreateLoginPlaceholder = &Message{
		En: "login or email address",
		De: "Login oder E-Mail-Adresse",
	}
	UICreatePasswordPlaceholder = &Message{
		En: "your Matomo password",
		De: "Ihr Matomo-Passwort",
	}
	UICreateExpiryPlaceholder = &Message{
		En: "YYYY-MM-DD",
		De: "JJJJ-MM-TT",
	}
	UICreateCodePlaceholder = &Message{
		En: "6 digits",
		De: "6 Ziffern",
	}
	UICreateNeedsHTTPS = &Message{
		En: "Creating the token here from your password needs https: a password never crosses a network unencrypted here. " +
			"Follow the steps in the browser.",
		De: "Den Token hier aus Ihrem Passwort zu erstellen, braucht https: Ein Passwort geht hier nie unverschlüsselt durchs Netzwerk. " +
			"Folgen Sie den Schritten im Browser.",
	}
	// UICreateNeedsCheckedTLS: no password over https whose certificate is
	// not checked (--insecure-skip-verify), to another computer.
	UICreateNeedsCheckedTLS = &Message{
		En: "Creating the token here from your password needs a checked certificate: with --insecure-skip-verify anyone " +
			"on the way could read the password. Follow the steps in the browser.",
		De: "Den Token hier aus Ihrem Passwort zu erstellen, braucht ein geprüftes Zertifikat: Mit --insecure-skip-verify " +
			"könnte jeder auf dem Weg das Passwort mitlesen. Folgen Sie den Schritten im Browser.",
	}
	UICreateRefusedBefore = &Message{
		En: "This Matomo does not create a token from a login and password, as it said before: follow the steps in the browser.",
		De: "Dieses Matomo erstellt keinen Token aus Login und Passwort, wie es vorhin gesagt hat: Folgen Sie den Schritten im Browser.",
	}
	UICreateNoMoreTries = &Message{
		En: "No more tries with the password in this session (each refused one counts toward Matomo's lock-out): " +
			"follow the steps in the browser.",
		De: "Keine weiteren Versuche mit dem Passwort in dieser Sitzung (jeder abgelehnte zählt für die Sperre von Matomo): " +
			"Folgen Sie den Schritten im Browser.",
	}
	UICreateOffer = &Message{
		En: "Or m: create it for me with my Matomo password.",
		De: "Oder m: den Token mit meinem Matomo-Passwort für mich erstellen.",
	}
	// UICreateCanceled: the page that lists the tokens, the description.
	UICreateCanceled = &Message{
		En: "Canceled. If Matomo received the request, it may have created a token anyway: check its list of tokens (%s) " +
			"for \"%s\". Nothing more was sent.",
		De: "Abgebrochen. Wenn Matomo die Anfrage erhalten hat, hat es vielleicht trotzdem einen Token erstellt: Suchen Sie in " +
			"seiner Liste der Token (%s) nach „%s“. Mehr wurde nicht gesendet.",
	}
	UICreateTokenDropped = &Message{
		En: "That held a token; it was removed. A token needs no password: esc back to the steps, then t.",
		De: "Darin war ein Token; er wurde entfernt. Ein Token braucht kein Passwort: esc zurück zu den Schritten, dann t.",
	}
	UICreateMatomo3 = &Message{
		En: "Matomo answered that it has no way to create a token from a password: it is Matomo 3 or older, " +
			"which shows each user's one token in the browser. The steps below say where.",
		De: "Matomo hat geantwortet, dass es keinen Token aus einem Passwort erstellen kann: Es ist Matomo 3 oder älter, " +
			"das den einen Token jedes Benutzers im Browser zeigt. Die Schritte unten sagen, wo.",
	}
	// UICreateLastTry: why the last round was refused.
	UICreateLastTry = &Message{
		En: "✗ %s That was the last try with the password in this session: the steps below create a token in the browser.",
		De: "✗ %s Das war der letzte Versuch mit dem Passwort in dieser Sitzung: Mit den Schritten unten erstellen Sie einen Token im Browser.",
	}
	UICreatePasswordRejected = &Message{
		En: "Matomo did not accept this login and password (it says the same for a login it does not know). " +
			"Check the login, then type the password again.",
		De: "Matomo hat diesen Login und dieses Passwort nicht angenommen (das sagt es auch bei einem Login, den es nicht kennt). " +
			"Prüfen Sie den Login und geben Sie dann das Passwort noch einmal ein.",
	}
	// UICreateMayHaveCreated: the description, the page that lists the
	// tokens.
	UICreateMayHaveCreated = &Message{
		En: " If Matomo got the request, it may have created a token named \"%s\": check its list under %s.",
		De: " Wenn Matomo die Anfrage erhalten hat, hat es vielleicht einen Token namens „%s“ erstellt: Sehen Sie in der Liste unter %s nach.",
	}
	UICreateTitle = &Message{
		En: "Create the token for me",
		De: "Den Token für mich erstellen",
	}
	// UICreateSending: the host.
	UICreateSending = &Message{
		En: "Asking %s to create the token…",
		De: "%s wird gebeten, den Token zu erstellen…",
	}
	// UICreateOneRequest: the time limit.
	UICreateOneRequest = &Message{
		En: "One request. Up to %s. Esc cancels (Matomo may still create the token).",
		De: "Eine Anfrage. Höchstens %s. Esc bricht ab (Matomo erstellt den Token dann vielleicht trotzdem).",
	}
	UICreateFieldLogin       = &Message{En: "Login", De: "Anmeldename"}
	UICreateFieldPassword    = &Message{En: "Password", De: "Passwort"}
	UICreateFieldDescription = &Message{En: "Description", De: "Beschreibung"}
	UICreateFieldExpires     = &Message{En: "Expires", De: "Läuft ab"}
	UICreatePasswordTyped    = &Message{En: "typed, hidden", De: "eingegeben, verdeckt"}
	UICreateNoExpiry         = &Message{En: "none", De: "nie"}
	UICreateAskLogin         = &Message{
		En: "Your Matomo login (user name) or email address",
		De: "Ihr Matomo-Login (Benutzername) oder Ihre E-Mail-Adresse",
	}
	UICreateAskLoginHelp = &Message{
		En: "The token will act as this user, with exactly their access.",
		De: "Der Token handelt als dieser Benutzer, mit genau dessen Zugriff.",
	}
	UICreateAskPassword = &Message{
		En: "Your Matomo password",
		De: "Ihr Matomo-Passwort",
	}
	UICreateAskPasswordHelp = &Message{
		En: "Hidden as you type. Matomo checks it; it is never kept here.",
		De: "Verdeckt bei der Eingabe. Matomo prüft es; hier wird es nie behalten.",
	}
	// UICreateDemoPassword: the demo user's password.
	UICreateDemoPassword = &Message{
		En: " Demo: the password is %s (tab fills it in).",
		De: " Demo: Das Passwort ist %s (tab setzt es ein).",
	}
	UICreateAskDescription = &Message{
		En: "Description of the token",
		De: "Beschreibung des Tokens",
	}
	UICreateAskDescriptionHelp = &Message{
		En: "Matomo lists the token under this name (1 to 100 characters): the tool and the date tell it apart later.",
		De: "Matomo führt den Token unter diesem Namen (1 bis 100 Zeichen): Werkzeug und Datum unterscheiden ihn später.",
	}
	UICreateAskExpiry = &Message{
		En: "Should the token expire?",
		De: "Soll der Token ablaufen?",
	}
	// UICreateAskExpiryHelp: the key that answers yes.
	UICreateAskExpiryHelp = &Message{
		En: "An expired token is rejected like a wrong one, and the integration stops getting data. " +
			"n (or enter): no expiry. %s: choose a date.",
		De: "Ein abgelaufener Token wird wie ein falscher abgelehnt, und die Integration bekommt keine Daten mehr. " +
			"n (oder enter): kein Ablaufdatum. %s: ein Datum wählen.",
	}
	UICreateAskExpiryDate = &Message{
		En: "The day the token stops working",
		De: "Der Tag, an dem der Token aufhört zu funktionieren",
	}
	UICreateAskExpiryDateHelp = &Message{
		En: "Year-month-day, after today.",
		De: "Jahr-Monat-Tag, nach heute.",
	}
	UICreateAskTwoFactor = &Message{
		En: "Do you use two-factor authentication (a code from an app) for this login?",
		De: "Verwenden Sie für diesen Login die Zwei-Faktor-Authentifizierung (einen Code aus einer App)?",
	}
	UICreateAskTwoFactorHelp = &Message{
		En: "Asked before anything is sent: Matomo creates the token first and checks the code after, " +
			"so a missing code leaves a token behind that nobody sees.",
		De: "Gefragt, bevor etwas gesendet wird: Matomo erstellt zuerst den Token und prüft danach den Code, " +
			"ein fehlender Code hinterlässt also einen Token, den niemand sieht.",
	}
	// UICreateYouSaidYes and UICreateYouSaidNo come before the help.
	UICreateYouSaidYes = &Message{
		En: "You said yes before. ",
		De: "Sie haben vorhin Ja gesagt. ",
	}
	UICreateYouSaidNo = &Message{
		En: "You said no before. ",
		De: "Sie haben vorhin Nein gesagt. ",
	}
	UICreateAskCode = &Message{
		En: "Two-factor code",
		De: "Zwei-Faktor-Code",
	}
	UICreateAskCodeHelp = &Message{
		En: "Type the code your app shows now; it is sent right away, with the password. A code works once, for about a minute.",
		De: "Geben Sie den Code ein, den Ihre App jetzt zeigt; er wird sofort mit dem Passwort gesendet. " +
			"Ein Code gilt einmal, etwa eine Minute lang.",
	}
	// UICreateDemoCode: the code.
	UICreateDemoCode = &Message{
		En: " Demo: the code now is %s (tab fills it in).",
		De: " Demo: Der Code ist jetzt %s (tab setzt ihn ein).",
	}
	// UICreatePasswordGoesHTTPS and the others: the host.
	UICreatePasswordGoesHTTPS = &Message{
		En: "The login and password are sent only to %s, in the body of one encrypted (https) request, " +
			"when you create the token; nothing is saved.",
		De: "Login und Passwort werden nur an %s gesendet, im Inhalt einer einzigen verschlüsselten (https-)Anfrage, " +
			"wenn Sie den Token erstellen; nichts wird gespeichert.",
	}
	UICreatePasswordGoesUnchecked = &Message{
		En: "The login and password are sent only to %s, in the body of one https request whose certificate is NOT checked, " +
			"when you create the token; nothing is saved.",
		De: "Login und Passwort werden nur an %s gesendet, im Inhalt einer einzigen https-Anfrage, deren Zertifikat NICHT " +
			"geprüft wird, wenn Sie den Token erstellen; nichts wird gespeichert.",
	}
	UICreatePasswordGoesLoopback = &Message{
		En: "The login and password are sent only to %s, in the body of one request that stays on this computer, " +
			"when you create the token; nothing is saved.",
		De: "Login und Passwort werden nur an %s gesendet, im Inhalt einer einzigen Anfrage, die auf diesem Computer bleibt, " +
			"wenn Sie den Token erstellen; nichts wird gespeichert.",
	}
	UICreateDemoLogins = &Message{
		En: "Demo logins",
		De: "Demo-Logins",
	}
	UICreateDemoLoginsTab = &Message{
		En: " · tab fills in",
		De: " · tab setzt ein",
	}
	// UICreateDemoLogin: the login, its password, the demo's note.
	UICreateDemoLogin = &Message{
		En: "%s, password %s: %s",
		De: "%s, Passwort %s: %s",
	}
	UICreatedURLCheck = &Message{
		En: "g checks whether this Matomo also takes it in URLs.",
		De: "g prüft, ob dieses Matomo ihn auch in URLs annimmt.",
	}
	// UICreatedKept: the description.
	UICreatedKept = &Message{
		En: "The token Matomo created for you, \"%s\", is kept: Matomo showed it to nobody and will not show it again. " +
			"Take it now with c, s or w, so that it is not lost.",
		De: "Der Token, den Matomo für Sie erstellt hat („%s“), wird behalten: Matomo hat ihn niemandem gezeigt und zeigt ihn " +
			"nicht noch einmal. Nehmen Sie ihn jetzt mit c, s oder w, damit er nicht verloren geht.",
	}
	// UICreatedKeptNoSystem: the description.
	UICreatedKeptNoSystem = &Message{
		En: "The token Matomo created for you, \"%s\", is kept: Matomo showed it to nobody and will not show it again. " +
			"Take it now with c or w, so that it is not lost.",
		De: "Der Token, den Matomo für Sie erstellt hat („%s“), wird behalten: Matomo hat ihn niemandem gezeigt und zeigt ihn " +
			"nicht noch einmal. Nehmen Sie ihn jetzt mit c oder w, damit er nicht verloren geht.",
	}
	UICreatedRetry = &Message{
		En: " r checks it again.",
		De: " r prüft ihn erneut.",
	}
)

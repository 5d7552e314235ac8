package i18n

// The line mode's "create it for me": the token made from the login and
// password.
var (
	// LineCreateNeedsHTTPS: no password over plain http.
	LineCreateNeedsHTTPS = &Message{
		En: "Creating the token here from your password needs https: a password never crosses a network unencrypted here.",
		De: "Den Token hier aus Ihrem Passwort zu erstellen, braucht https: Ein Passwort geht von hier nie unverschlüsselt durch ein Netzwerk.",
	}
	// LineCreateNeedsCheckedTLS: no password over https whose certificate
	// is not checked (--insecure-skip-verify), to another computer.
	LineCreateNeedsCheckedTLS = &Message{
		En: "Creating the token here from your password needs a checked certificate: with --insecure-skip-verify anyone on the way could read the password.",
		De: "Den Token hier aus Ihrem Passwort zu erstellen, braucht ein geprüftes Zertifikat: Mit --insecure-skip-verify könnte jeder auf dem Weg das Passwort mitlesen.",
	}
	// LineCreateRefusedBefore: this Matomo said no before.
	LineCreateRefusedBefore = &Message{
		En: "This Matomo does not create a token from a login and password, as it said before: the steps are the way.",
		De: "Dieses Matomo erstellt keinen Token aus Benutzername und Passwort, wie es vorhin gesagt hat: Die Schritte sind der Weg.",
	}
	// LineNoMoreCreateTries: the tries are spent.
	LineNoMoreCreateTries = &Message{
		En: "No more tries with the password in this session (each refused one counts toward Matomo's lock-out): the steps are the way.",
		De: "In dieser Sitzung keine weiteren Versuche mit dem Passwort (jeder abgelehnte zählt für die Sperre von Matomo): Die Schritte sind der Weg.",
	}
	// LineCreateHeading heads "create it for me".
	LineCreateHeading = &Message{
		En: "Creating the token with your Matomo login and password",
		De: "Den Token mit Ihrem Matomo-Benutzernamen und Passwort erstellen",
	}
	// LineCreateSummary: the login, the description (quoted), the
	// expiry said, where the password goes.
	LineCreateSummary = &Message{
		En: "Login %s, description %s, %s. %s",
		De: "Benutzername %s, Beschreibung %s, %s. %s",
	}
	// LineNoTwoFactor labels the answer that sends without a code.
	LineNoTwoFactor = &Message{
		En: "I use no two-factor authentication: create the token now",
		De: "ich verwende keine Zwei-Faktor-Authentifizierung: den Token jetzt erstellen",
	}
	// LineTwoFactor labels the answer that asks for the code first.
	LineTwoFactor = &Message{
		En: "type the code from my app, then create it",
		De: "den Code aus meiner App eingeben, dann erstellen",
	}
	// LineChangeCreate labels the answer that asks again.
	LineChangeCreate = &Message{
		En: "change the login, description or expiry",
		De: "Benutzername, Beschreibung oder Ablauf ändern",
	}
	// LineBackToStepsNothingSent labels the answer that goes back.
	LineBackToStepsNothingSent = &Message{
		En: "back to the steps, nothing sent",
		De: "zurück zu den Schritten, nichts gesendet",
	}
	// LineYouSaidBefore: the answer given before.
	LineYouSaidBefore = &Message{
		En: "You said %s before.",
		De: "Sie haben vorhin %s geantwortet.",
	}
	// LineTwoFactorQuestion asks about two-factor authentication.
	LineTwoFactorQuestion = &Message{
		En: "Do you use two-factor authentication (a code from an app) for this login? " +
			"Asked before anything is sent: Matomo creates the token first and checks the code after, so a missing code leaves a token behind.",
		De: "Verwenden Sie für diesen Benutzernamen die Zwei-Faktor-Authentifizierung (einen Code aus einer App)? " +
			"Gefragt, bevor etwas gesendet wird: Matomo erstellt zuerst den Token und prüft danach den Code, daher lässt ein fehlender Code einen Token zurück.",
	}
	// LineLoginPrompt asks for the login.
	LineLoginPrompt = &Message{
		En: "Your Matomo login (user name) or email address",
		De: "Ihr Matomo-Benutzername oder Ihre E-Mail-Adresse",
	}
	// LineTokenNotLogin: a token typed as the login; the answer words.
	LineTokenNotLogin = &Message{
		En: "That looks like a token, not a login: it is not repeated or sent. A token needs no password: type %s at the next question, then %s.",
		De: "Das sieht aus wie ein Token, nicht wie ein Benutzername: Es wird weder wiederholt noch gesendet. Ein Token braucht kein Passwort: Antworten Sie auf die nächste Frage mit %s, dann mit %s.",
	}
	// LineDemoPassword: the login, its password.
	LineDemoPassword = &Message{
		En: "Demo: the password of %s is %s.",
		De: "Demo: Das Passwort von %s ist %s.",
	}
	// LinePasswordPrompt is the hidden password prompt.
	LinePasswordPrompt = &Message{
		En: "Password (hidden): ",
		De: "Passwort (verborgen): ",
	}
	// LineDescriptionExplained explains the token's description.
	LineDescriptionExplained = &Message{
		En: "The description names the token in Matomo's list of tokens (1 to 100 characters): the tool and the date tell it apart later.",
		De: "Die Beschreibung benennt den Token in der Token-Liste von Matomo (1 bis 100 Zeichen): Programm und Datum unterscheiden ihn später.",
	}
	// LineDescriptionPrompt asks for the description.
	LineDescriptionPrompt = &Message{
		En: "Description",
		De: "Beschreibung",
	}
	// LineTokenNotDescription: a token typed as the description.
	LineTokenNotDescription = &Message{
		En: "That looks like a token: it is not repeated or kept. The description is only a name for the new token.",
		De: "Das sieht aus wie ein Token: Es wird weder wiederholt noch behalten. Die Beschreibung ist nur ein Name für den neuen Token.",
	}
	// LineExpiryQuestion asks about the token's expiry.
	LineExpiryQuestion = &Message{
		En: "Should the token expire? An expired token is rejected like a wrong one, and the integration stops getting data.",
		De: "Soll der Token ablaufen? Ein abgelaufener Token wird wie ein falscher abgelehnt, und die Integration bekommt keine Daten mehr.",
	}
	// LineNoExpiry labels the answer without an expiry, and says it.
	LineNoExpiry = &Message{
		En: "no expiry",
		De: "kein Ablauf",
	}
	// LineChooseExpiry labels the answer with an expiry.
	LineChooseExpiry = &Message{
		En: "choose the day it stops working",
		De: "den Tag wählen, an dem er aufhört zu funktionieren",
	}
	// LineExpiryPrompt asks for the expiry date.
	LineExpiryPrompt = &Message{
		En: "Expiry date (year-month-day)",
		De: "Ablaufdatum (Jahr-Monat-Tag)",
	}
	// LineDemoCode: the login, the code its app shows.
	LineDemoCode = &Message{
		En: "Demo: the code %s's app shows now is %s.",
		De: "Demo: Der Code, den die App von %s jetzt zeigt, ist %s.",
	}
	// LineTypeCode asks for the two-factor code.
	LineTypeCode = &Message{
		En: "Type the code your app shows now: it is sent right away, with the password. A code works once, for about a minute.",
		De: "Geben Sie den Code ein, den Ihre App jetzt zeigt: Er wird sofort gesendet, mit dem Passwort. Ein Code gilt einmal, etwa eine Minute lang.",
	}
	// LineCodePrompt asks for the code.
	LineCodePrompt = &Message{
		En: "Two-factor code",
		De: "Code der Zwei-Faktor-Authentifizierung",
	}
	// LineExpiresOn: the day, as year-month-day.
	LineExpiresOn = &Message{
		En: "expires on %s",
		De: "läuft am %s ab",
	}
	// LinePasswordGoesLocal: the host on this computer.
	LinePasswordGoesLocal = &Message{
		En: "The login and password go only to %s, in the body of one request that stays on this computer.",
		De: "Benutzername und Passwort gehen nur an %s, im Inhalt einer einzigen Anfrage, die auf diesem Computer bleibt.",
	}
	// LinePasswordGoes: the host.
	LinePasswordGoes = &Message{
		En: "The login and password go only to %s, in the body of one encrypted (https) request.",
		De: "Benutzername und Passwort gehen nur an %s, im Inhalt einer einzigen verschlüsselten Anfrage (https).",
	}
	// LineAskingToCreate: the address, the time limit.
	LineAskingToCreate = &Message{
		En: "Asking %s to create the token (one request, up to %s)…",
		De: "%s wird gebeten, den Token zu erstellen (eine Anfrage, bis zu %s)…",
	}
	// LineCreated: the description (quoted), the login.
	LineCreated = &Message{
		En: "Matomo created a token named %s for %s. Checking it now, with one request, as if you had typed it.",
		De: "Matomo hat einen Token namens %s für %s erstellt. Er wird jetzt mit einer Anfrage geprüft, als hätten Sie ihn eingegeben.",
	}
	// LineNextName: the next token's description (quoted).
	LineNextName = &Message{
		En: "The next token will be named %s, so that it can be told apart from the one to delete.",
		De: "Der nächste Token bekommt den Namen %s, damit er sich von dem zu löschenden unterscheiden lässt.",
	}
	// LinePasswordRejected: Matomo said no to the login and password.
	LinePasswordRejected = &Message{
		En: "Matomo did not accept this login and password (it says the same for a login it does not know).",
		De: "Matomo hat diesen Benutzernamen und dieses Passwort nicht angenommen (dasselbe sagt es für einen Benutzernamen, den es nicht kennt).",
	}
	// LineMayHaveCreated: the description (quoted), the page that lists
	// tokens.
	LineMayHaveCreated = &Message{
		En: "If Matomo got the request, it may have created a token named %s: check its list under %s.",
		De: "Wenn Matomo die Anfrage bekommen hat, hat es vielleicht einen Token namens %s erstellt: Sehen Sie in der Liste unter %s nach.",
	}
	// LineTypePasswordAgain labels the answer that starts another round.
	LineTypePasswordAgain = &Message{
		En: "type the password again (nothing is sent before the two-factor question)",
		De: "das Passwort noch einmal eingeben (vor der Frage zur Zwei-Faktor-Authentifizierung wird nichts gesendet)",
	}
	// LineBackToStepsBrowser labels the answer that goes back.
	LineBackToStepsBrowser = &Message{
		En: "back to the steps, to create the token in the browser",
		De: "zurück zu den Schritten, um den Token im Browser zu erstellen",
	}
	// LineMatomo3NoCreate: Matomo 3 has no way to create a token.
	LineMatomo3NoCreate = &Message{
		En: "Matomo answered that it has no way to create a token from a password: it is Matomo 3 or older, which shows each user's one token in the browser. The steps below say where.",
		De: "Matomo hat geantwortet, dass es keinen Token aus einem Passwort erstellen kann: Es ist Matomo 3 oder älter, das den einen Token jedes Benutzers im Browser zeigt. Die Schritte unten sagen, wo.",
	}
	// LineStepsInstead: the steps instead.
	LineStepsInstead = &Message{
		En: "The steps below create a token in the browser instead.",
		De: "Die Schritte unten erstellen stattdessen einen Token im Browser.",
	}
	// LineLastTry: the tries are spent.
	LineLastTry = &Message{
		En: "That was the last try with the password in this session: the steps below create a token in the browser.",
		De: "Das war der letzte Versuch mit dem Passwort in dieser Sitzung: Die Schritte unten erstellen einen Token im Browser.",
	}
	// LineDemoLogins introduces the demo's logins.
	LineDemoLogins = &Message{
		En: "This is the demo Matomo. Its logins (demo passwords are no secret):",
		De: "Dies ist das Demo-Matomo. Seine Benutzer (Demo-Passwörter sind kein Geheimnis):",
	}
	// LineDemoLogin: the login, its password, what it shows.
	LineDemoLogin = &Message{
		En: "%s, password %s: %s.",
		De: "%s, Passwort %s: %s.",
	}
	// LineCreatedKept: the description (quoted), the ways out.
	LineCreatedKept = &Message{
		En: "The token Matomo created for you, %s, is kept: Matomo showed it to nobody and will not show it again. " +
			"Take it now (%s), so that it is not lost.",
		De: "Der Token, den Matomo für Sie erstellt hat, %s, bleibt erhalten: Matomo hat ihn niemandem gezeigt und zeigt ihn nicht noch einmal. " +
			"Nehmen Sie ihn jetzt (%s), damit er nicht verloren geht.",
	}
)

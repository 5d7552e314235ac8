package i18n

// demo-server (internal/cli/demoserver.go). The demo's own notes on its
// tokens and logins are the demo Matomo's data (matomo/demomatomo), in
// English until that package's texts are messages.
var (
	DemoUsage = &Message{
		En: "Usage: matomo-onboard demo-server [--addr 127.0.0.1:8089] [--sites N] [--latency 700ms]\n\n" +
			"Runs the demo Matomo (the one --demo uses) on its own and prints its demo tokens,\n" +
			"for trainings and for trying verify by hand. Stop it with Ctrl+C.\n" +
			"Exit codes: 0 stopped, 1 cannot listen (port in use), 2 bad options.\n",
		De: "Aufruf: matomo-onboard demo-server [--addr 127.0.0.1:8089] [--sites N] [--latency 700ms]\n\n" +
			"Startet das Demo-Matomo (das von --demo) allein und zeigt seine Demo-Token,\n" +
			"für Schulungen und um verify von Hand auszuprobieren. Beenden mit Strg+C.\n" +
			"Exit-Codes: 0 beendet, 1 kann nicht lauschen (Port belegt), 2 falsche Optionen.\n",
	}
	DemoFlagAddr = &Message{
		En: "`host:port` to listen on; 127.0.0.1:0 picks a free port",
		De: "`host:port`, auf dem gelauscht wird; 127.0.0.1:0 wählt einen freien Port",
	}
	DemoFlagSites = &Message{
		En: "add `N` generated sites, reached by the agency user (view) and the superuser (admin)",
		De: "`N` erzeugte Websites hinzufügen, erreichbar für den Agentur-Benutzer (Ansicht) und den\n" +
			"Hauptadministrator (Administrator)",
	}
	DemoFlagLatency = &Message{
		En: "delay before every answer, so it feels like a server across a network",
		De: "Verzögerung vor jeder Antwort, damit es sich wie ein Server im Netzwerk anfühlt",
	}
	DemoStopped = &Message{
		En: "\nDemo Matomo stopped.",
		De: "\nDemo-Matomo beendet.",
	}
	// DemoAddrNotHostPort: the value given.
	DemoAddrNotHostPort = &Message{
		En: "--addr %q is not host:port. Use for example --addr 127.0.0.1:8089, or 127.0.0.1:0 for any free port.",
		De: "--addr %q ist nicht host:port. Verwenden Sie zum Beispiel --addr 127.0.0.1:8089 oder 127.0.0.1:0 für " +
			"einen beliebigen freien Port.",
	}
	// DemoAddrBadPort: the value given, its port.
	DemoAddrBadPort = &Message{
		En: "--addr %q: the port %q is not a number from 0 to 65535 (0 picks a free port).",
		De: "--addr %q: Der Port %q ist keine Zahl von 0 bis 65535 (0 wählt einen freien Port).",
	}
	// DemoSitesOutOfRange: the number given, the most, both as they are
	// typed (strings, without separators).
	DemoSitesOutOfRange = &Message{
		En: "--sites %s is out of range: give a number from 0 to %s.",
		De: "--sites %s liegt außerhalb des Bereichs: Geben Sie eine Zahl von 0 bis %s an.",
	}
	// DemoPortInUse: the address.
	DemoPortInUse = &Message{
		En: "Cannot start the demo Matomo: %s is already in use (another demo-server, or another program).\n" +
			"Stop that one, or pick another port: --addr 127.0.0.1:8090, or --addr 127.0.0.1:0 for any free port.",
		De: "Das Demo-Matomo kann nicht starten: %s ist schon belegt (ein anderer demo-server oder ein anderes " +
			"Programm).\n" +
			"Beenden Sie das andere, oder wählen Sie einen anderen Port: --addr 127.0.0.1:8090, oder --addr " +
			"127.0.0.1:0 für einen beliebigen freien Port.",
	}
	// DemoNotAllowed: the address.
	DemoNotAllowed = &Message{
		En: "Cannot start the demo Matomo: this user may not listen on %s (ports below 1024 need administrator rights).\n" +
			"Pick a port from 1024 up, e.g. --addr 127.0.0.1:8089.",
		De: "Das Demo-Matomo kann nicht starten: Dieser Benutzer darf nicht auf %s lauschen (Ports unter 1024 " +
			"brauchen Administratorrechte).\n" +
			"Wählen Sie einen Port ab 1024, z. B. --addr 127.0.0.1:8089.",
	}
	// DemoNoSuchAddress: the address.
	DemoNoSuchAddress = &Message{
		En: "Cannot start the demo Matomo: this computer has no network address %s.\n" +
			"Use 127.0.0.1 (this computer only) or one of this computer's own addresses.",
		De: "Das Demo-Matomo kann nicht starten: Dieser Computer hat keine Netzwerkadresse %s.\n" +
			"Verwenden Sie 127.0.0.1 (nur dieser Computer) oder eine der eigenen Adressen dieses Computers.",
	}
	// DemoUnknownHost: the address.
	DemoUnknownHost = &Message{
		En: "Cannot start the demo Matomo: the host name in --addr %s is unknown. Use an IP address such as 127.0.0.1.",
		De: "Das Demo-Matomo kann nicht starten: Der Rechnername in --addr %s ist unbekannt. Verwenden Sie eine " +
			"IP-Adresse wie 127.0.0.1.",
	}
	// DemoCannotListen: the address, why.
	DemoCannotListen = &Message{
		En: "Cannot start the demo Matomo on %s: %v.\nTry --addr 127.0.0.1:0 for any free port.",
		De: "Das Demo-Matomo kann auf %s nicht starten: %v.\nVersuchen Sie --addr 127.0.0.1:0 für einen beliebigen " +
			"freien Port.",
	}

	// The banner.

	// DemoRunning: the demo's Matomo version, its address.
	DemoRunning = &Message{
		En: "Demo Matomo %s running at %s\n",
		De: "Demo-Matomo %s läuft unter %s\n",
	}
	// DemoSize: sites, users, the delay.
	DemoSize = &Message{
		En: "  %d sites, %d users; every answer is delayed by %s (--latency).\n",
		De: "  %d Websites, %d Benutzer; jede Antwort kommt %s verzögert (--latency).\n",
	}
	// DemoSitesAdded: how many, the first and last ID (strings).
	DemoSitesAdded = &Message{
		En: "  --sites added %d generated sites (ids %s to %s): the agency token reaches them with view access,\n" +
			"  the superuser token as admin.\n",
		De: "  --sites hat %d erzeugte Websites hinzugefügt (IDs %s bis %s): Der Agentur-Token erreicht sie mit\n" +
			"  Ansichtszugriff, der Token des Hauptadministrators als Administrator.\n",
	}
	// DemoTimeoutShows: verify's default timeout.
	DemoTimeoutShows = &Message{
		En: "  verify gives up after %s by default, so this latency shows its timeout error.\n",
		De: "  verify gibt standardmäßig nach %s auf, daher zeigt diese Verzögerung seinen Fehler bei Zeitüberschreitung.\n",
	}
	DemoTokensHead = &Message{
		En: "\nDemo tokens (public, made up, valid only here):",
		De: "\nDemo-Token (öffentlich, ausgedacht, nur hier gültig):",
	}
	DemoSecureOnly = &Message{
		En: "; secure-only, so try it with --check-get",
		De: "; nur für sichere Anfragen, also mit --check-get ausprobieren",
	}
	DemoLockOut = &Message{
		En: "  The lock-out token blocks your IP on this demo for 60 minutes; restart demo-server to lift it.",
		De: "  Der Sperr-Token sperrt Ihre IP bei dieser Demo für 60 Minuten; starten Sie demo-server neu, um die " +
			"Sperre aufzuheben.",
	}
	DemoLoginsHead = &Message{
		En: "\nDemo logins for the wizard's \"create it for me\" (public, made up, valid only here;\n" +
			"a password is sent only over https or to this computer, never over plain http across a network):",
		De: "\nDemo-Logins, mit denen der Assistent den Token selbst erstellt (öffentlich, ausgedacht, nur hier gültig;\n" +
			"ein Passwort wird nur über https oder an diesen Computer gesendet, nie über einfaches http durchs Netzwerk):",
	}
	// DemoTwoFactor: the secret.
	DemoTwoFactor = &Message{
		En: "two-factor authentication: add the secret %s to an authenticator app for its codes",
		De: "Zwei-Faktor-Authentifizierung: Für die Codes tragen Sie das Geheimnis %s in eine Authenticator-App ein",
	}
	DemoTryIt = &Message{
		En: "\nTry it (the token goes in on standard input, never as an argument):",
		De: "\nAusprobieren (der Token geht über die Standardeingabe hinein, nie als Argument):",
	}
	// DemoTryWizard: the quoted address and options.
	DemoTryWizard = &Message{
		En: "  matomo-onboard --url %s%s    (the wizard)\n",
		De: "  matomo-onboard --url %s%s    (der Assistent)\n",
	}
	DemoFromElsewhere = &Message{
		En: "\nFrom another computer (plain http across the network, hence --allow-http):",
		De: "\nVon einem anderen Computer (einfaches http durchs Netzwerk, daher --allow-http):",
	}
	DemoServing = &Message{
		En: "\nServing until Ctrl+C.",
		De: "\nLäuft bis Strg+C.",
	}
	// DemoAlsoAtPort: the port.
	DemoAlsoAtPort = &Message{
		En: "  and, for other computers, at this computer's network address, port %s\n",
		De: "  und für andere Computer unter der Netzwerkadresse dieses Computers, Port %s\n",
	}
	// DemoAlsoAt: the addresses, joined with DemoOr.
	DemoAlsoAt = &Message{
		En: "  and, for other computers, at %s\n",
		De: "  und für andere Computer unter %s\n",
	}
	DemoOr = &Message{
		En: " or ",
		De: " oder ",
	}
	// DemoListensBeyond: the port.
	DemoListensBeyond = &Message{
		En: "  ! It listens beyond this computer: anyone on the network who reaches it can use the demo\n" +
			"    tokens below, which are public, a superuser's among them (made-up data only).\n" +
			"    --addr 127.0.0.1:%s keeps it to this computer.\n",
		De: "  ! Es lauscht über diesen Computer hinaus: Jeder im Netzwerk, der es erreicht, kann die Demo-Token\n" +
			"    unten nutzen, die öffentlich sind, darunter der eines Hauptadministrators (nur ausgedachte Daten).\n" +
			"    --addr 127.0.0.1:%s beschränkt es auf diesen Computer.\n",
	}
)

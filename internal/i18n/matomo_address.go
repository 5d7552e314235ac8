package i18n

// Package matomo's words about an address as a person typed it: why it
// cannot be used (matomo.AddressError's Problem and Hint), what was
// changed in it (Address.Notes) and why its host name deserves a second
// look (Address.HostWarning).
var (
	// AddressExample shows what an address looks like, after a comma or
	// in brackets.
	AddressExample = &Message{
		En: "for example https://analytics.example.org or https://example.org/matomo",
		De: "zum Beispiel https://analytics.example.org oder https://example.org/matomo",
	}
	// AddressError is an AddressError as one sentence: the problem, the
	// hint.
	AddressError = &Message{
		En: "%s %s",
		De: "%s %s",
	}
	AddressEnter = &Message{
		En: "Enter your Matomo address,",
		De: "Geben Sie die Adresse Ihres Matomo ein,",
	}
	// AddressExampleEnd is the example at the end of a sentence.
	AddressExampleEnd = &Message{
		En: "%s.",
		De: "%s.",
	}
	AddressIsAToken = &Message{
		En: "This looks like a token, not an address.",
		De: "Das sieht wie ein Token aus, nicht wie eine Adresse.",
	}
	// AddressTokenComesLater: the example.
	AddressTokenComesLater = &Message{
		En: "Enter the address of your Matomo here (%s); the token comes later.",
		De: "Geben Sie hier die Adresse Ihres Matomo ein (%s); der Token kommt später.",
	}
	AddressHoldsToken = &Message{
		En: "The address contains what looks like a token (32 or more hex characters, or token_auth=).",
		De: "Die Adresse enthält etwas, das wie ein Token aussieht (32 oder mehr Hex-Zeichen, oder token_auth=).",
	}
	// AddressOnlyTheAddress: the example.
	AddressOnlyTheAddress = &Message{
		En: "Enter only the address of your Matomo here (%s); the token comes later.",
		De: "Geben Sie hier nur die Adresse Ihres Matomo ein (%s); der Token kommt später.",
	}
	AddressHoldsTokenPiece = &Message{
		En: "The address contains 12 or more hex characters (0-9, a-f) in a row, which no Matomo address has: " +
			"that may be part of a token, so it is not checked, looked up or repeated here.",
		De: "Die Adresse enthält 12 oder mehr Hex-Zeichen (0-9, a-f) am Stück, was keine Matomo-Adresse hat: " +
			"Das kann ein Teil eines Tokens sein, deshalb wird sie hier weder geprüft noch nachgeschlagen noch wiederholt.",
	}
	// AddressTokenInItsField: the example.
	AddressTokenInItsField = &Message{
		En: "Enter only the address of your Matomo here (%s); the token comes later, in its own hidden field.",
		De: "Geben Sie hier nur die Adresse Ihres Matomo ein (%s); der Token kommt später, in sein eigenes verdecktes Feld.",
	}
	AddressNotText = &Message{
		En: "The address contains bytes that are not text (a broken copy or paste).",
		De: "Die Adresse enthält Bytes, die kein Text sind (ein fehlerhaftes Kopieren oder Einfügen).",
	}
	// AddressTypeAgain: the example.
	AddressTypeAgain = &Message{
		En: "Type the address again, %s.",
		De: "Geben Sie die Adresse noch einmal ein, %s.",
	}
	AddressLineBreak = &Message{
		En: "The address contains a line break or control character.",
		De: "Die Adresse enthält einen Zeilenumbruch oder ein Steuerzeichen.",
	}
	// AddressOnlyAddress: the example.
	AddressOnlyAddress = &Message{
		En: "Type or paste only the address, %s.",
		De: "Geben Sie nur die Adresse ein, oder fügen Sie nur sie ein, %s.",
	}
	AddressInvisible = &Message{
		En: "The address contains an invisible character (a zero-width space or similar).",
		De: "Die Adresse enthält ein unsichtbares Zeichen (ein Leerzeichen ohne Breite oder Ähnliches).",
	}
	AddressCopyFromBar = &Message{
		En: "Type the address, or copy it again from the browser's address bar.",
		De: "Tippen Sie die Adresse, oder kopieren Sie sie noch einmal aus der Adressleiste des Browsers.",
	}
	AddressSpace = &Message{
		En: "The address contains a space.",
		De: "Die Adresse enthält ein Leerzeichen.",
	}
	// AddressNoSpaces: the example.
	AddressNoSpaces = &Message{
		En: "Addresses have no spaces; %s.",
		De: "Adressen haben keine Leerzeichen; %s.",
	}
	AddressIPv6Brackets = &Message{
		En: "An IPv6 address must be written in square brackets.",
		De: "Eine IPv6-Adresse muss in eckigen Klammern stehen.",
	}
	// AddressIPv6Like: the address in brackets.
	AddressIPv6Like = &Message{
		En: "Type it like https://[%s] (with :port after the bracket if needed).",
		De: "Schreiben Sie sie so: https://[%s] (mit :Port nach der Klammer, falls nötig).",
	}
	// AddressMissingSlashes: the scheme with its colon.
	AddressMissingSlashes = &Message{
		En: "The address is missing the // after \"%s\".",
		De: "In der Adresse fehlt das // nach „%s“.",
	}
	// AddressTypeLike: the scheme.
	AddressTypeLike = &Message{
		En: "Type it like %s://analytics.example.org.",
		De: "Schreiben Sie sie so: %s://analytics.example.org.",
	}
	// AddressBadScheme: the scheme as typed.
	AddressBadScheme = &Message{
		En: "\"%s\" is not a web address scheme Matomo uses.",
		De: "„%s“ ist kein Schema für Web-Adressen, das Matomo verwendet.",
	}
	// AddressUseHTTPS: the example.
	AddressUseHTTPS = &Message{
		En: "Use https:// (%s).",
		De: "Verwenden Sie https:// (%s).",
	}
	AddressUserInfo = &Message{
		En: "The address contains a user name or password (the part before @).",
		De: "Die Adresse enthält einen Benutzernamen oder ein Passwort (den Teil vor @).",
	}
	AddressRemoveUserInfo = &Message{
		En: "Remove it: the wizard never sends passwords inside addresses. Your Matomo login happens in the browser.",
		De: "Entfernen Sie ihn: Der Assistent sendet nie Passwörter in Adressen. Bei Matomo melden Sie sich im Browser an.",
	}
	AddressNoHost = &Message{
		En: "The address has no host name.",
		De: "Die Adresse hat keinen Host-Namen.",
	}
	// AddressTypeIt: the example.
	AddressTypeIt = &Message{
		En: "Type it %s.",
		De: "Geben Sie sie ein, %s.",
	}
	// AddressBadPort: the port as typed.
	AddressBadPort = &Message{
		En: "The port \"%s\" is not a number from 1 to 65535.",
		De: "Der Port „%s“ ist keine Zahl von 1 bis 65535.",
	}
	AddressLeavePortOut = &Message{
		En: "Leave the port out unless your Matomo uses a special one.",
		De: "Lassen Sie den Port weg, außer Ihr Matomo verwendet einen besonderen.",
	}
	AddressPortNotNumber = &Message{
		En: "The port after the colon is not a number.",
		De: "Der Port nach dem Doppelpunkt ist keine Zahl.",
	}
	AddressBadEscape = &Message{
		En: "The address has a %% that is not followed by two hex digits.",
		De: "Die Adresse hat ein %%, auf das keine zwei Hex-Ziffern folgen.",
	}
	AddressEscapeInHost = &Message{
		En: "The server name holds a %%-escape (such as %%41), which no server name can have.",
		De: "Der Servername enthält eine %%-Kodierung (etwa %%41), die kein Servername haben kann.",
	}
	AddressCopyAgain = &Message{
		En: "Copy the address again from the browser's address bar.",
		De: "Kopieren Sie die Adresse noch einmal aus der Adressleiste des Browsers.",
	}
	// AddressNotWebAddress: Go's words about it.
	AddressNotWebAddress = &Message{
		En: "This is not a web address (%s).",
		De: "Das ist keine Web-Adresse (%s).",
	}
	AddressBadZone = &Message{
		En: "The IPv6 zone after %% is not a network interface name.",
		De: "Die IPv6-Zone nach %% ist kein Name einer Netzwerkschnittstelle.",
	}
	AddressWithoutZone = &Message{
		En: "Use the address without the zone, or a host name.",
		De: "Verwenden Sie die Adresse ohne die Zone, oder einen Host-Namen.",
	}
	// AddressEmptyPart: the host name.
	AddressEmptyPart = &Message{
		En: "The host name \"%s\" has an empty part between dots.",
		De: "Der Host-Name „%s“ hat einen leeren Teil zwischen zwei Punkten.",
	}
	AddressDoubledDot = &Message{
		En: "Check for a doubled or misplaced dot.",
		De: "Prüfen Sie, ob ein Punkt doppelt oder an der falschen Stelle steht.",
	}
	// AddressBadCharacter: the character (quoted as Go quotes a rune).
	AddressBadCharacter = &Message{
		En: "The host name contains %s, which host names cannot contain.",
		De: "Der Host-Name enthält %s, was in Host-Namen nicht vorkommen darf.",
	}
	AddressBrokenEscape = &Message{
		En: "The path of the address has a broken %%-escape.",
		De: "Der Pfad der Adresse hat eine fehlerhafte %%-Kodierung.",
	}
	// AddressIDNAChar: the host name, the character (quoted as Go quotes
	// a rune).
	AddressIDNAChar = &Message{
		En: "The host name \"%s\" contains %s, which international host names cannot contain.",
		De: "Der Host-Name „%s“ enthält %s, was in internationalen Host-Namen nicht vorkommen darf.",
	}
	// AddressIDNAInvalid: the host name.
	AddressIDNAInvalid = &Message{
		En: "The host name \"%s\" is not a valid international name: a part starts or ends with a hyphen, " +
			"or mixes characters that cannot stand together.",
		De: "Der Host-Name „%s“ ist kein gültiger internationaler Name: Ein Teil beginnt oder endet mit einem Bindestrich, " +
			"oder er mischt Zeichen, die nicht zusammen stehen können.",
	}
	// AddressTypeOrCopy: the example.
	AddressTypeOrCopy = &Message{
		En: "Type it %s, or copy it from the browser's address bar.",
		De: "Geben Sie sie ein, %s, oder kopieren Sie sie aus der Adressleiste des Browsers.",
	}

	// The notes on what ParseAddress changed.
	AddressAddedHTTPS = &Message{
		En: "Added https:// in front.",
		De: "https:// vorne ergänzt.",
	}
	AddressRemovedQuery = &Message{
		En: "Removed the part after ? or # (it belongs to one page, not to Matomo's address).",
		De: "Den Teil nach ? oder # entfernt (er gehört zu einer Seite, nicht zur Adresse von Matomo).",
	}
	// AddressRemovedIndex: the file name.
	AddressRemovedIndex = &Message{
		En: "Removed \"%s\" from the end (the wizard adds it itself).",
		De: "„%s“ am Ende entfernt (der Assistent ergänzt es selbst).",
	}
	// AddressRemovedTracker: the file name.
	AddressRemovedTracker = &Message{
		En: "Removed \"%s\" from the end: that is Matomo's tracker, not its API.",
		De: "„%s“ am Ende entfernt: Das ist der Tracker von Matomo, nicht seine API.",
	}
	// AddressRemovedScript: the file name.
	AddressRemovedScript = &Message{
		En: "Removed \"%s\" from the end: that is Matomo's tracking script, not its API.",
		De: "„%s“ am Ende entfernt: Das ist das Tracking-Skript von Matomo, nicht seine API.",
	}

	// The warnings on a host name whose letters could pass for others.
	// AddressMixesScripts: the name in Unicode, as sent, the scripts
	// (AddressScripts, AddressScriptLatin and the others).
	AddressMixesScripts = &Message{
		En: "The host name %s (%s) mixes %s letters in one part: " +
			"check it letter by letter, or type it rather than paste it.",
		De: "Der Host-Name %s (%s) mischt in einem Teil Buchstaben der Schriften %s: " +
			"Prüfen Sie ihn Buchstabe für Buchstabe, oder tippen Sie ihn, statt ihn einzufügen.",
	}
	// AddressLooksLatin: the name in Unicode, as sent, the script.
	AddressLooksLatin = &Message{
		En: "The host name %s (%s) is written in %s letters that look like Latin ones: " +
			"check that it is your Matomo's, or type it rather than paste it.",
		De: "Der Host-Name %s (%s) ist in der Schrift %s geschrieben, deren Buchstaben wie lateinische aussehen: " +
			"Prüfen Sie, ob er Ihrem Matomo gehört, oder tippen Sie ihn, statt ihn einzufügen.",
	}
	// AddressScripts joins two scripts' names (the second may be joined
	// itself).
	AddressScripts = &Message{
		En: "%s and %s",
		De: "%s und %s",
	}
	AddressScriptLatin    = &Message{En: "Latin", De: "Lateinisch"}
	AddressScriptCyrillic = &Message{En: "Cyrillic", De: "Kyrillisch"}
	AddressScriptGreek    = &Message{En: "Greek", De: "Griechisch"}
	AddressScriptArmenian = &Message{En: "Armenian", De: "Armenisch"}
	AddressScriptArabic   = &Message{En: "Arabic", De: "Arabisch"}
	AddressScriptHebrew   = &Message{En: "Hebrew", De: "Hebräisch"}
	AddressScriptGeorgian = &Message{En: "Georgian", De: "Georgisch"}
)

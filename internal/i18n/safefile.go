package i18n

// Why a file was not written (internal/safefile): said after the path
// and a colon, by the line mode, the wizard and verify; the German as a
// sentence of its own.
var (
	SafeFileExists = &Message{
		En: "it exists already, and this file is only ever written as a new one",
		De: "Dort gibt es schon etwas, und diese Datei wird immer nur neu angelegt",
	}
	SafeFileChanged = &Message{
		En: "it changed while it was being opened",
		De: "Die Datei hat sich geändert, während sie geöffnet wurde",
	}
	SafeFileOtherOwner = &Message{
		En: "the file belongs to another user, who could read what is written into it; give a new name",
		De: "Die Datei gehört einem anderen Benutzer, der lesen könnte, was hineingeschrieben wird; geben Sie einen neuen Namen an",
	}
	SafeFileNotPrivate = &Message{
		En: "it could not be made readable by you only (it may belong to another user)",
		De: "Die Datei ließ sich nicht so einstellen, dass nur Sie sie lesen können (sie gehört vielleicht einem anderen Benutzer)",
	}
	SafeFileSymlink = &Message{
		En: "it is a symbolic link; give the path of a regular file, a new name, or a folder",
		De: "Das ist ein symbolischer Link; geben Sie den Pfad einer normalen Datei, einen neuen Namen oder einen Ordner an",
	}
	SafeFilePipe = &Message{
		En: "it is a named pipe (FIFO), not a file; give the path of a regular file, a new name, or a folder",
		De: "Das ist eine benannte Pipe (FIFO), keine Datei; geben Sie den Pfad einer normalen Datei, einen neuen Namen oder einen Ordner an",
	}
	SafeFileDevice = &Message{
		En: "it is a device, not a file; give the path of a regular file, a new name, or a folder",
		De: "Das ist ein Gerät, keine Datei; geben Sie den Pfad einer normalen Datei, einen neuen Namen oder einen Ordner an",
	}
	SafeFileSocket = &Message{
		En: "it is a socket, not a file; give the path of a regular file, a new name, or a folder",
		De: "Das ist ein Socket, keine Datei; geben Sie den Pfad einer normalen Datei, einen neuen Namen oder einen Ordner an",
	}
	SafeFileFolder = &Message{
		En: "it is a folder",
		De: "Das ist ein Ordner",
	}
	SafeFileNotRegular = &Message{
		En: "it is not a regular file; give the path of a regular file, a new name, or a folder",
		De: "Das ist keine normale Datei; geben Sie den Pfad einer normalen Datei, einen neuen Namen oder einen Ordner an",
	}
	SafeFileHardLinks = &Message{
		En: "the file has other names too (hard links), so writing it would change those as well; give a new name",
		De: "Die Datei hat noch andere Namen (harte Links), Schreiben würde also auch diese ändern; geben Sie einen neuen Namen an",
	}
	SafeFilePermission = &Message{
		En: "permission denied",
		De: "Keine Berechtigung",
	}
	SafeFileAppeared = &Message{
		En: "something appeared at that path while it was being written; nothing was changed there",
		De: "Unter diesem Pfad ist beim Schreiben etwas aufgetaucht; dort wurde nichts geändert",
	}
	SafeFileNoHome = &Message{
		En: "the home folder (~) is not known here; give the whole path",
		De: "Der persönliche Ordner (~) ist hier nicht bekannt; geben Sie den ganzen Pfad an",
	}
	SafeFileNoFolder = &Message{
		En: "the folder it would go in does not exist",
		De: "Der Ordner dafür existiert nicht",
	}
)

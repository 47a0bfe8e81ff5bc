package novalab.web.instructor;

import java.util.List;
import novalab.web.Chrome;
import novalab.web.account.Roster;
import novalab.web.account.User;

/**
 * The roster page: self-registration on or off, the import form (with the pasted text kept after errors), the
 * problems of a refused import, the accounts just made with their passwords (shown once) and everyone enrolled.
 */
public record RosterPage(Chrome chrome, boolean registration, String text, List<String> errors, List<Roster.Created> created,
                         String passwordsLink, List<User> accounts) {
    public boolean anyGenerated() { return created.stream().anyMatch(Roster.Created::generated); }
}

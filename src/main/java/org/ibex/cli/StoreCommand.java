package org.ibex.cli;

import org.ibex.store.DataFolder;
import org.ibex.store.StoreEncryption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** The embedded database's file: encrypting an existing one under the store passphrase. */
@Command(name = "store", mixinStandardHelpOptions = true, description = "The embedded database file.",
        subcommands = StoreCommand.Encrypt.class)
final class StoreCommand {

    @Command(name = "encrypt", mixinStandardHelpOptions = true,
            description = "Encrypt the data folder's H2 database in place (node stopped) under the passphrase from "
                    + "$IBEX_STORE_PASSPHRASE or the file named by store.passphrase-file; every later start needs it.")
    static final class Encrypt implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Override
        public Integer call() {
            DataFolder folder = DataFolder.open(data.folder(), System.getenv());
            String passphrase = folder.storePassphrase();
            if (passphrase == null) {
                throw new IllegalArgumentException("no store passphrase: set IBEX_STORE_PASSPHRASE or store.passphrase-file"
                        + " (at least 12 characters), the same every later start will use");
            }
            StoreEncryption.encrypt(folder, passphrase);
            System.out.println("encrypted " + folder.root().resolve("ibex.mv.db") + " (AES); keep "
                    + folder.root().resolve("keys/store.salt") + " with it: the database cannot be opened without it");
            return 0;
        }
    }
}

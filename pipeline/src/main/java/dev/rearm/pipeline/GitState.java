package dev.rearm.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The commit a run was measured at, and whether tracked files differed from it. Both null
 * when the project is not a git checkout or git is not installed: run.json then says so.
 */
record GitState(String commit, Boolean dirty) {

    static GitState of(Path projectDir) {
        String commit = git(projectDir, "rev-parse", "HEAD");
        if (commit == null || commit.isEmpty()) {
            return new GitState(null, null);
        }
        String status = git(projectDir, "status", "--porcelain", "--untracked-files=no");
        return new GitState(commit, status == null ? null : !status.isEmpty());
    }

    private static String git(Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return output;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}

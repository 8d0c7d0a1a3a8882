package io.aurabilling.cli;

/**
 * Counts the records of an Avro object container file from the bytes streaming past, by
 * reading only the block headers (each block starts with its record count and byte size),
 * so that progress can show rows without decoding anything. Bytes that do not parse as a
 * container file stop the counting silently: it only feeds a progress line.
 */
final class AvroBlockCounter {
    private enum State { MAGIC, META_COUNT, META_BLOCK_SIZE, KEY_LENGTH, VALUE_LENGTH, SKIP, HEADER_SYNC,
        BLOCK_COUNT, BLOCK_SIZE, DEAD }

    private static final int SYNC_LENGTH = 16;
    private static final int MAGIC_LENGTH = 4;

    private State state = State.MAGIC;
    /** What follows the bytes being skipped. */
    private State afterSkip;
    private long skip = MAGIC_LENGTH;
    private long entriesLeft;
    private long varint;
    private int shift;
    private long records;

    /** @return the records of the block headers seen so far */
    long records() {
        return records;
    }

    /** Some bytes went by unseen (skipped): the position is lost, so counting stops. */
    void lost() {
        state = State.DEAD;
    }

    /**
     * Takes the next bytes of the file.
     *
     * @param bytes the buffer
     * @param offset where the new bytes start
     * @param length how many there are
     */
    void accept(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end && state != State.DEAD) {
            if (state == State.MAGIC || state == State.SKIP || state == State.HEADER_SYNC) {
                long n = Math.min(skip, end - i);
                i += (int) n;
                skip -= n;
                if (skip == 0) {
                    state = state == State.MAGIC ? State.META_COUNT
                            : state == State.HEADER_SYNC ? State.BLOCK_COUNT : afterSkip;
                }
                continue;
            }
            int b = bytes[i++] & 0xff;
            if (shift > 63) {
                state = State.DEAD;
                return;
            }
            varint |= (long) (b & 0x7f) << shift;
            shift += 7;
            if ((b & 0x80) != 0) {
                continue;
            }
            long value = (varint >>> 1) ^ -(varint & 1);
            varint = 0;
            shift = 0;
            onLong(value);
        }
    }

    private void onLong(long value) {
        switch (state) {
            case META_COUNT:
                if (value == 0) {
                    skipThen(SYNC_LENGTH, State.BLOCK_COUNT);
                    state = State.HEADER_SYNC;
                } else if (value < 0) {
                    entriesLeft = -value;
                    state = State.META_BLOCK_SIZE;
                } else {
                    entriesLeft = value;
                    state = State.KEY_LENGTH;
                }
                break;
            case META_BLOCK_SIZE:
                state = State.KEY_LENGTH;
                break;
            case KEY_LENGTH:
                skipThen(value, State.VALUE_LENGTH);
                break;
            case VALUE_LENGTH:
                entriesLeft--;
                skipThen(value, entriesLeft == 0 ? State.META_COUNT : State.KEY_LENGTH);
                break;
            case BLOCK_COUNT:
                if (value < 0) {
                    state = State.DEAD;
                    return;
                }
                records += value;
                state = State.BLOCK_SIZE;
                break;
            case BLOCK_SIZE:
                skipThen(value + SYNC_LENGTH, State.BLOCK_COUNT);
                break;
            default:
                state = State.DEAD;
        }
    }

    private void skipThen(long count, State next) {
        if (count < 0) {
            state = State.DEAD;
            return;
        }
        skip = count;
        afterSkip = next;
        state = count == 0 ? next : State.SKIP;
    }
}

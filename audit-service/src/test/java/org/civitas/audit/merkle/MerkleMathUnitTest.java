package org.civitas.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MerkleMathUnitTest {

  private static final int MAX_SIZE = 70;
  private static final HexFormat HEX = HexFormat.of();

  /** RFC 6962 / certificate-transparency-go test leaves and the roots of their prefixes. */
  private static final List<byte[]> CT_LEAVES =
      hexes(
          "",
          "00",
          "10",
          "2021",
          "3031",
          "40414243",
          "5051525354555657",
          "606162636465666768696a6b6c6d6e6f");

  private static final List<String> CT_ROOTS =
      List.of(
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
          "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
          "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
          "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
          "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
          "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  @Test
  void rootsMatchTheCertificateTransparencyVectors() {
    InMemoryNodeStore store = storeOf(CT_LEAVES);
    for (int size = 0; size <= CT_LEAVES.size(); size++) {
      assertThat(HEX.formatHex(MerkleMath.root(size, store)))
          .as("root of size %d", size)
          .isEqualTo(CT_ROOTS.get(size));
    }
  }

  @Test
  void proofsMatchTheCertificateTransparencyVectors() {
    InMemoryNodeStore store = storeOf(CT_LEAVES);
    assertThat(hexes(MerkleMath.inclusionProof(0, 8, store)))
        .containsExactly(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    assertThat(hexes(MerkleMath.inclusionProof(5, 8, store)))
        .containsExactly(
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertThat(MerkleMath.consistencyProof(1, 1, store)).isEmpty();
    assertThat(hexes(MerkleMath.consistencyProof(1, 8, store)))
        .containsExactly(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    assertThat(hexes(MerkleMath.consistencyProof(6, 8, store)))
        .containsExactly(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertThat(hexes(MerkleMath.consistencyProof(2, 5, store)))
        .containsExactly(
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
  }

  @Test
  void rootsAgreeWithTheNaiveDefinitionForEverySize() {
    List<byte[]> data = leafData(MAX_SIZE);
    InMemoryNodeStore store = storeOf(data);
    MerkleFrontier frontier = MerkleFrontier.empty();
    for (int size = 0; size <= MAX_SIZE; size++) {
      byte[] expected = Naive.mth(data.subList(0, size));
      assertThat(MerkleMath.root(size, store)).as("stored root of %d", size).isEqualTo(expected);
      assertThat(frontier.root()).as("frontier root of %d", size).isEqualTo(expected);
      if (size < MAX_SIZE) {
        frontier.append(MerkleMath.leafHash(data.get(size)));
      }
    }
  }

  @Test
  void inclusionProofsAgreeWithTheNaiveDefinitionAndVerify() {
    List<byte[]> data = leafData(MAX_SIZE);
    InMemoryNodeStore store = storeOf(data);
    for (int size = 1; size <= MAX_SIZE; size++) {
      List<byte[]> leaves = data.subList(0, size);
      byte[] root = Naive.mth(leaves);
      for (int m = 0; m < size; m++) {
        List<byte[]> proof = MerkleMath.inclusionProof(m, size, store);
        assertThat(hexes(proof))
            .as("PATH(%d, %d)", m, size)
            .isEqualTo(hexes(Naive.path(m, leaves)));
        byte[] leafHash = MerkleMath.leafHash(data.get(m));
        assertThat(MerkleProofs.verifyInclusion(m, size, leafHash, proof, root))
            .as("verify PATH(%d, %d)", m, size)
            .isTrue();
      }
    }
  }

  @Test
  void consistencyProofsAgreeWithTheNaiveDefinitionAndVerify() {
    List<byte[]> data = leafData(MAX_SIZE);
    InMemoryNodeStore store = storeOf(data);
    for (int second = 1; second <= MAX_SIZE; second++) {
      byte[] secondRoot = Naive.mth(data.subList(0, second));
      for (int first = 1; first <= second; first++) {
        List<byte[]> proof = MerkleMath.consistencyProof(first, second, store);
        assertThat(hexes(proof))
            .as("PROOF(%d, %d)", first, second)
            .isEqualTo(hexes(Naive.proof(first, data.subList(0, second))));
        byte[] firstRoot = Naive.mth(data.subList(0, first));
        assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, proof))
            .as("verify PROOF(%d, %d)", first, second)
            .isTrue();
      }
    }
  }

  @Test
  void inclusionVerificationRejectsEveryWrongInput() {
    List<byte[]> data = leafData(MAX_SIZE);
    InMemoryNodeStore store = storeOf(data);
    for (int size = 1; size <= MAX_SIZE; size++) {
      byte[] root = MerkleMath.root(size, store);
      for (int m = 0; m < size; m++) {
        List<byte[]> proof = MerkleMath.inclusionProof(m, size, store);
        byte[] leafHash = MerkleMath.leafHash(data.get(m));
        byte[] otherLeaf = MerkleMath.leafHash(data.get((m + 1) % MAX_SIZE));
        assertThat(MerkleProofs.verifyInclusion(m, size, otherLeaf, proof, root)).isFalse();
        if (size > 1) {
          assertThat(MerkleProofs.verifyInclusion((m + 1) % size, size, leafHash, proof, root))
              .as("wrong index %d in %d", m, size)
              .isFalse();
        }
        assertThat(MerkleProofs.verifyInclusion(m, size, leafHash, proof, flip(root))).isFalse();
        for (int i = 0; i < proof.size(); i++) {
          List<byte[]> tampered = new ArrayList<>(proof);
          tampered.set(i, flip(proof.get(i)));
          assertThat(MerkleProofs.verifyInclusion(m, size, leafHash, tampered, root)).isFalse();
        }
        List<byte[]> extended = new ArrayList<>(proof);
        extended.add(root);
        assertThat(MerkleProofs.verifyInclusion(m, size, leafHash, extended, root)).isFalse();
      }
    }
  }

  @Test
  void consistencyVerificationRejectsEveryWrongInput() {
    List<byte[]> data = leafData(MAX_SIZE);
    InMemoryNodeStore store = storeOf(data);
    for (int second = 2; second <= MAX_SIZE; second++) {
      byte[] secondRoot = MerkleMath.root(second, store);
      for (int first = 1; first < second; first++) {
        List<byte[]> proof = MerkleMath.consistencyProof(first, second, store);
        byte[] firstRoot = MerkleMath.root(first, store);
        assertThat(
                MerkleProofs.verifyConsistency(first, second, flip(firstRoot), secondRoot, proof))
            .isFalse();
        assertThat(
                MerkleProofs.verifyConsistency(first, second, firstRoot, flip(secondRoot), proof))
            .isFalse();
        assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, List.of()))
            .isFalse();
        for (int i = 0; i < proof.size(); i++) {
          List<byte[]> tampered = new ArrayList<>(proof);
          tampered.set(i, flip(proof.get(i)));
          assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, tampered))
              .as("tampered element %d of PROOF(%d, %d)", i, first, second)
              .isFalse();
        }
      }
    }
  }

  @Test
  void aLogThatRewroteALeafIsNotConsistentWithItsEarlierHead() {
    List<byte[]> data = leafData(20);
    byte[] earlierRoot = MerkleMath.root(13, storeOf(data));
    List<byte[]> rewritten = new ArrayList<>(data);
    rewritten.set(4, "rewritten".getBytes(StandardCharsets.UTF_8));
    InMemoryNodeStore forged = storeOf(rewritten);

    List<byte[]> proof = MerkleMath.consistencyProof(13, 20, forged);

    assertThat(
            MerkleProofs.verifyConsistency(13, 20, earlierRoot, MerkleMath.root(20, forged), proof))
        .isFalse();
  }

  @Test
  void proofsReadLogarithmicallyManyNodesInOneBatch() {
    InMemoryNodeStore backing = storeOf(leafData(1000));
    CountingStore counting = new CountingStore(backing);

    MerkleMath.root(999, counting);
    MerkleMath.inclusionProof(517, 999, counting);
    MerkleMath.consistencyProof(377, 999, counting);
    MerkleFrontier.load(999, counting);

    assertThat(counting.batches.get()).isEqualTo(4);
    assertThat(counting.maxBatch.get()).isLessThanOrEqualTo(2 * 10);
  }

  @Test
  void frontierLoadedFromTheStoreContinuesTheSameTree() {
    List<byte[]> data = leafData(45);
    InMemoryNodeStore store = storeOf(data.subList(0, 29));
    MerkleFrontier frontier = MerkleFrontier.load(29, store);
    for (byte[] leaf : data.subList(29, 45)) {
      frontier.append(MerkleMath.leafHash(leaf));
    }
    assertThat(frontier.root()).isEqualTo(Naive.mth(data));
  }

  @Test
  void outOfRangeArgumentsAreRefused() {
    InMemoryNodeStore store = storeOf(leafData(5));
    assertThatThrownBy(() -> MerkleMath.inclusionProof(5, 5, store))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleMath.inclusionProof(-1, 5, store))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleMath.consistencyProof(0, 5, store))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleMath.consistencyProof(4, 3, store))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleMath.root(6, store)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void emptyTreeIsConsistentWithEveryTreeAndEqualSizesNeedEqualRoots() {
    InMemoryNodeStore store = storeOf(leafData(3));
    byte[] root = MerkleMath.root(3, store);
    assertThat(MerkleProofs.verifyConsistency(0, 3, MerkleMath.emptyRoot(), root, List.of()))
        .isTrue();
    assertThat(MerkleProofs.verifyConsistency(3, 3, root, root, List.of())).isTrue();
    assertThat(MerkleProofs.verifyConsistency(3, 3, root, flip(root), List.of())).isFalse();
  }

  /** RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 transcribed literally over the leaf data. */
  static final class Naive {

    static byte[] mth(List<byte[]> d) {
      int n = d.size();
      if (n == 0) {
        return sha256(new byte[0]);
      }
      if (n == 1) {
        return sha256(concat(new byte[] {0}, d.get(0)));
      }
      int k = k(n);
      return sha256(concat(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, n))));
    }

    static List<byte[]> path(int m, List<byte[]> d) {
      int n = d.size();
      List<byte[]> result = new ArrayList<>();
      if (n == 1) {
        return result;
      }
      int k = k(n);
      if (m < k) {
        result.addAll(path(m, d.subList(0, k)));
        result.add(mth(d.subList(k, n)));
      } else {
        result.addAll(path(m - k, d.subList(k, n)));
        result.add(mth(d.subList(0, k)));
      }
      return result;
    }

    static List<byte[]> proof(int m, List<byte[]> d) {
      return subproof(m, d, true);
    }

    static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
      int n = d.size();
      List<byte[]> result = new ArrayList<>();
      if (m == n) {
        if (!b) {
          result.add(mth(d));
        }
        return result;
      }
      int k = k(n);
      if (m <= k) {
        result.addAll(subproof(m, d.subList(0, k), b));
        result.add(mth(d.subList(k, n)));
      } else {
        result.addAll(subproof(m - k, d.subList(k, n), false));
        result.add(mth(d.subList(0, k)));
      }
      return result;
    }

    /** The largest power of two smaller than n, found by counting up rather than bit tricks. */
    private static int k(int n) {
      int k = 1;
      while (k * 2 < n) {
        k *= 2;
      }
      return k;
    }

    private static byte[] concat(byte[]... parts) {
      int length = 0;
      for (byte[] part : parts) {
        length += part.length;
      }
      byte[] result = new byte[length];
      int offset = 0;
      for (byte[] part : parts) {
        System.arraycopy(part, 0, result, offset, part.length);
        offset += part.length;
      }
      return result;
    }

    private static byte[] sha256(byte[] input) {
      try {
        return MessageDigest.getInstance("SHA-256").digest(input);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final class CountingStore implements NodeStore {
    final NodeStore delegate;
    final AtomicInteger batches = new AtomicInteger();
    final AtomicInteger maxBatch = new AtomicInteger();

    CountingStore(NodeStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public byte[] node(NodeId id) {
      throw new AssertionError("nodes must be read in batches");
    }

    @Override
    public Map<NodeId, byte[]> nodes(Collection<NodeId> ids) {
      batches.incrementAndGet();
      maxBatch.accumulateAndGet(ids.size(), Math::max);
      return delegate.nodes(ids);
    }
  }

  static InMemoryNodeStore storeOf(List<byte[]> leafData) {
    InMemoryNodeStore store = new InMemoryNodeStore();
    store.appendLeafHashes(leafData.stream().map(MerkleMath::leafHash).toList());
    return store;
  }

  static List<byte[]> leafData(int count) {
    List<byte[]> data = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      data.add(("leaf-" + i).getBytes(StandardCharsets.UTF_8));
    }
    return data;
  }

  private static byte[] flip(byte[] hash) {
    byte[] copy = hash.clone();
    copy[0] ^= 1;
    return copy;
  }

  private static List<byte[]> hexes(String... values) {
    return java.util.Arrays.stream(values).map(HEX::parseHex).toList();
  }

  private static List<String> hexes(List<byte[]> hashes) {
    return hashes.stream().map(HEX::formatHex).toList();
  }
}

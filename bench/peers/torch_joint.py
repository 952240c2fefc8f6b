#!/usr/bin/python3
"""Row 4's peer: MMFuse's joint-concat network rebuilt in PyTorch, trained on the same rows the same way.

    /usr/bin/python3 bench/peers/torch_joint.py DATA_DIR BLOCKS EPOCHS        (BLOCKS e.g. 256,416)

DATA_DIR holds joint_x.npy (float32: the z-scored blocks side by side, exactly the rows MMFuse's network gets),
joint_present.npy (float32 1/0 per row and block) and y.npy (int64). Protocol: writes "ready ...", answers each "run" with
"result SECONDS_PER_EPOCH LAST_LOSS" after EPOCHS epochs with a fresh Adam optimiser (as MMFuse's TorchTrainer makes
one per training); "quit" ends. A peer to compare against, not part of MMFuse.

The twin of src/MMFuse/Fusion/Joint (JointNetwork, JointLayers, ConcatFusion, ModalityDropout) and
src/MMFuse/Learners/Torch/TorchTrainer.cs with MMFuse's defaults: per block Linear(d, 64) -> ReLU -> Dropout(0.1);
a learned absent embedding per block (zero start) replaces the encoding where the block is absent; concatenation;
head Linear(128, 64) -> ReLU -> Dropout(0.1) -> Linear(64, classes); cross-entropy; modality dropout 0.2 on
training batches (never all of a row's blocks); Adam, lr 1e-3, no weight decay; batches of 64 in a shuffled order;
loss.item() per batch (MMFuse sums the epoch loss the same way); 2 intra-op threads.
"""
import os
import sys
import time

import numpy as np
import torch
from torch import nn

HIDDEN, DROPOUT, MODALITY_DROPOUT, LR, BATCH, SEED, THREADS = 64, 0.1, 0.2, 1e-3, 64, 42, 2


class JointConcat(nn.Module):
    def __init__(self, blocks, outputs):
        super().__init__()
        self.blocks = blocks
        self.offsets = [sum(blocks[:m]) for m in range(len(blocks))]
        self.encoders = nn.ModuleList(
            nn.Sequential(nn.Linear(d, HIDDEN), nn.ReLU(), nn.Dropout(DROPOUT)) for d in blocks)
        self.absent = nn.Parameter(torch.zeros(len(blocks), HIDDEN))
        self.head = nn.Sequential(nn.Linear(len(blocks) * HIDDEN, HIDDEN), nn.ReLU(), nn.Dropout(DROPOUT),
                                  nn.Linear(HIDDEN, outputs))

    def forward(self, x, present):
        hidden = []
        for m, encoder in enumerate(self.encoders):
            encoded = encoder(x.narrow(1, self.offsets[m], self.blocks[m]))
            hidden.append(torch.where(present.narrow(1, m, 1), encoded, self.absent[m].unsqueeze(0)))
        return self.head(torch.stack(hidden, 1).flatten(1))


def modality_dropout(present, p):
    kept = present.logical_and(torch.rand(present.shape).ge(p))
    emptied = kept.any(1, keepdim=True).logical_not()
    return torch.where(emptied, present, kept)


def train(model, x, present, y, epochs, rng):
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    rows = x.shape[0]
    order = np.arange(rows, dtype=np.int64)
    loss_sum = 0.0
    for _ in range(epochs):
        model.train()
        rng.shuffle(order)
        loss_sum = 0.0
        for start in range(0, rows, BATCH):
            index = torch.from_numpy(order[start:start + BATCH].copy())
            optimizer.zero_grad()
            mask = modality_dropout(present.index_select(0, index), MODALITY_DROPOUT)
            output = model(x.index_select(0, index), mask)
            loss = nn.functional.cross_entropy(output, y.index_select(0, index))
            loss.backward()
            optimizer.step()
            loss_sum += loss.item() * index.shape[0]
    model.eval()
    return loss_sum / rows


def main():
    folder, blocks, epochs = sys.argv[1], [int(b) for b in sys.argv[2].split(",")], int(sys.argv[3])
    torch.set_num_threads(THREADS)
    torch.manual_seed(SEED)
    x = torch.from_numpy(np.load(os.path.join(folder, "joint_x.npy")))
    present = torch.from_numpy(np.load(os.path.join(folder, "joint_present.npy"))).bool()
    y = torch.from_numpy(np.load(os.path.join(folder, "y.npy")))
    if x.shape[1] != sum(blocks) or present.shape[1] != len(blocks):
        raise SystemExit(f"joint_x has {x.shape[1]} columns and {present.shape[1]} flags; blocks {blocks} need {sum(blocks)} and {len(blocks)}")
    model = JointConcat(blocks, int(y.max()) + 1)
    parameters = sum(p.numel() for p in model.parameters())
    rng = np.random.default_rng(SEED)
    print(f"ready torch={torch.__version__} threads={torch.get_num_threads()} parameters={parameters} rows={x.shape[0]}",
          flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "quit":
            break
        if command != "run":
            print(f"error unknown request {command!r}", flush=True)
            continue
        start = time.perf_counter()
        loss = train(model, x, present, y, epochs, rng)
        seconds = (time.perf_counter() - start) / epochs
        print(f"result {seconds!r} {loss!r}", flush=True)


if __name__ == "__main__":
    main()

/**
 * The script's command line, shared by every architecture. It drives a `Run` (the architecture's part of the
 * script) through four calls: Run.exported(device), Run.fresh(seed, device), run.train(steps, report) and
 * run.predict(rows), plus run.test_accuracy() for the seed sweep.
 */
export function usagePy(fileName: string): string {
  return `Usage:
  python3 ${fileName} --predict IN.json   outputs for the inputs in IN.json (a JSON list of rows: points [x1, x2]
                                  for the 2-D tasks, windows for sequence tasks), printed as a JSON array
  python3 ${fileName} --train N           trains N more steps, printing the training loss after each, one per line
  python3 ${fileName} --seeds K           trains K seeds (SEED, SEED + 1, ...) from scratch for --train N steps
                                  (default: as many as this experiment had) and prints the mean and spread
                                  of the final test accuracy
  --device cuda                   runs on the GPU where there is one

Seed sweep on several GPUs: torchrun starts one process per GPU and each takes every WORLD_SIZE-th seed on its
own GPU; rank 0 gathers the accuracies and prints the summary:
  torchrun --standalone --nproc_per_node=4 ${fileName} --seeds 40 --device cuda
(on several machines: torchrun --nnodes=2 --node_rank=R --rdzv_endpoint=HOST:29500 ... on each). Without
torchrun the same command runs every seed in one process.`;
}

export const CLI_PY = String.raw`
# ---- Command line ----


def seed_sweep(seeds, steps, device):
    """Trains seeds SEED..SEED+seeds-1 from scratch; under torchrun each process takes every world-th seed."""
    rank = int(os.environ.get('RANK', 0))
    world = int(os.environ.get('WORLD_SIZE', 1))
    if device.type == 'cuda' and world > 1:
        device = torch.device('cuda', int(os.environ.get('LOCAL_RANK', 0)))
    accuracies = []
    for seed in range(SEED + rank, SEED + seeds, world):
        run = Run.fresh(seed, device)
        run.train(steps)
        accuracies.append((seed, run.test_accuracy()))
    if world > 1:
        import torch.distributed as dist
        dist.init_process_group('nccl' if device.type == 'cuda' else 'gloo')
        gathered = [None] * world
        dist.all_gather_object(gathered, accuracies)
        dist.destroy_process_group()
        accuracies = sorted(a for part in gathered for a in part)
    if rank != 0:
        return
    for seed, accuracy in accuracies:
        print(f'seed {seed}: test accuracy {accuracy:.4f}')
    values = torch.tensor([a for _, a in accuracies], dtype=torch.float64)
    spread = values.std().item() if len(values) > 1 else 0.0
    print(f'test accuracy over {len(values)} seeds after {steps} steps: mean {values.mean().item():.4f}, '
          f'sd {spread:.4f}, min {values.min().item():.4f}, max {values.max().item():.4f}')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--predict', metavar='IN.json', help='print the outputs for the input rows in IN.json')
    parser.add_argument('--train', metavar='N', type=int, default=0, help='train N more steps, printing losses')
    parser.add_argument('--seeds', metavar='K', type=int, help='train K seeds from scratch; print test accuracy')
    parser.add_argument('--device', default='cpu', help="'cpu' (default) or 'cuda'")
    args = parser.parse_args()
    if args.device.startswith('cuda') and not torch.cuda.is_available():
        parser.error('--device cuda: no CUDA device is available here')
    device = torch.device(args.device)
    if args.seeds:
        seed_sweep(args.seeds, args.train or STEP, device)
        return
    run = Run.exported(device)
    run.train(args.train, report=print)
    if args.predict:
        with open(args.predict) as f:
            print(json.dumps(run.predict(json.load(f))))
    elif not args.train:
        print(f'step {run.step}: test accuracy {run.test_accuracy():.4f}')
`;

/** Last in the script, after the trained weights it reads. */
export const MAIN_PY = "if __name__ == '__main__':\n    main()";

/* Entry of the 32-bit protected-mode guest: the VMM set flat segments, ESP at the top of RAM, EDI an argument. */
	.section .text.start, "ax"
	.code32
	.globl _start
_start:
	push %edi
	call main
1:	hlt
	jmp 1b
	.section .note.GNU-stack, "", @progbits
